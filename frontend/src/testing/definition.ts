// A small story point for tests: two roles, and a question of every type.
import type { Definition, Question } from '../types';

export const slider: Question = {
  id: 'gehoord',
  number: 1,
  type: 'slider',
  label: { nl: 'Gehoord', en: 'Heard' },
  left: { nl: 'niet gehoord', en: 'not heard' },
  right: { nl: 'goed gehoord', en: 'well heard' },
  notApplicable: true,
};

export const choice: Question = {
  id: 'regio',
  number: 2,
  type: 'choice',
  label: { nl: 'Regio', en: 'Region' },
  options: [
    { id: 'noord', label: { nl: 'Noord', en: 'North' } },
    { id: 'zuid', label: { nl: 'Zuid', en: 'South' } },
  ],
};

export const multichoice: Question = {
  id: 'hulp',
  number: 3,
  type: 'multichoice',
  label: { nl: 'Hulp', en: 'Help' },
  options: [
    { id: 'school', label: { nl: 'School', en: 'School' } },
    { id: 'thuis', label: { nl: 'Thuis', en: 'Home' } },
    { id: 'werk', label: { nl: 'Werk' } },
  ],
};

export const triad: Question = {
  id: 'balans',
  number: 4,
  type: 'triad',
  label: { nl: 'Balans', en: 'Balance' },
  corners: [
    { nl: 'rust', en: 'calm' },
    { nl: 'ruimte', en: 'room' },
    { nl: 'regels', en: 'rules' },
  ],
};

export const text: Question = { id: 'wens', number: 5, type: 'text', label: { nl: 'Wens', en: 'Wish' } };

export const definition: Definition = {
  slug: 'jeugdzorg',
  title: { nl: 'Jeugdzorg', en: 'Youth care' },
  roles: [
    { id: 'jongere', label: { nl: 'Jongere', en: 'Young person' } },
    { id: 'ouder', label: { nl: 'Ouder' } },
  ],
  storyPrompt: { nl: 'Vertel', en: 'Tell' },
  completeness: { minWords: 10, minAnsweredQuestions: 1 },
  questions: [slider, choice, multichoice, triad, text],
};
