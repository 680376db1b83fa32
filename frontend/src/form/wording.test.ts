import { afterEach, describe, expect, it } from 'vitest';
import kern from '../../../samples/modules/kern.json';
import sample from '../../../samples/storypoints/voordejeugd.json';
import { pick, setLanguage, sliderWords } from '../i18n';
import { slider } from '../testing/definition';
import type { Definition, Question } from '../types';
import { forRole, questionsFor, wordedFor } from './wording';
import { describeAnswer } from './widgets/questions';

// as published: the core module's questions written out before the national story point's own
const national = { ...sample, questions: [...kern.questions, ...sample.questions] } as unknown as Definition;

const heard: Question = {
  ...slider,
  number: 12,
  labelByRole: { jongere: { nl: 'Voelde jij je gehoord?' } },
  helpByRole: { jongere: { nl: 'Denk aan je hulpverlener.', en: 'Think of your care worker.' } },
  leftByRole: { jongere: { nl: 'Zeker niet', en: 'Certainly not' } },
  rightByRole: { jongere: { nl: 'Zeker wel', en: 'Certainly' } },
};

describe('a question worded for a role', () => {
  afterEach(() => setLanguage('nl'));

  it('takes the role’s wording of the question, its help and its poles', () => {
    const worded = wordedFor(heard, 'jongere', 3);
    expect(pick(worded.label)).toBe('Voelde jij je gehoord?');
    expect(pick(worded.help)).toBe('Denk aan je hulpverlener.');
    expect(describeAnswer(worded, 100)).toBe('100 – zeker wel');
    expect(describeAnswer(worded, 10)).toBe('10 – dicht bij zeker niet');
  });

  it('keeps the neutral wording for a role without its own', () => {
    const worded = wordedFor(heard, 'ouder', 3);
    expect(worded.label).toEqual(heard.label);
    expect(worded.left).toEqual(heard.left);
    expect(worded.help).toBeUndefined();
  });

  it('falls back language by language: the neutral English before the role’s Dutch', () => {
    setLanguage('en');
    const worded = wordedFor(heard, 'jongere', 3);
    expect(pick(worded.label)).toBe('Heard');
    expect(pick(worded.help)).toBe('Think of your care worker.');
    expect(forRole({ nl: 'neutraal' }, { jongere: { nl: 'eigen' } }, 'jongere')).toEqual({ nl: 'eigen' });
  });

  it('words the options for the role and keeps their ids', () => {
    const question = national.questions.find((q) => q.id === 'gevolg') as Question;
    const youth = wordedFor(question, 'jongere', 2).options ?? [];
    expect(youth.map((o) => o.id)).toEqual((question.options ?? []).map((o) => o.id));
    expect(youth.map((o) => pick(o.label))).toEqual([
      'Heel slecht',
      'Slecht',
      'Niet goed en niet slecht',
      'Goed',
      'Heel goed',
    ]);
    expect(pick(wordedFor(question, 'ouder', 2).options?.[0].label)).toBe('Zeer negatief');
  });
});

describe('the questions a storyteller answers', () => {
  it('are none before a role is chosen', () => {
    expect(questionsFor(national, null)).toEqual([]);
  });

  it.each(['jongere', 'ouder', 'professional'])('are numbered 1, 2, 3… without gaps for %s', (role) => {
    const asked = national.questions.filter((q) => !q.roles || q.roles.includes(role));
    const shown = questionsFor(national, role);
    expect(shown.map((q) => q.id)).toEqual(asked.map((q) => q.id));
    expect(shown.map((q) => q.number)).toEqual(asked.map((_, i) => i + 1));
  });

  it('leave the definition’s own numbers and labels for staff', () => {
    questionsFor(national, 'jongere');
    const tip = national.questions.find((q) => q.id === 'tip') as Question;
    expect(tip.number).toBe(17);
    expect(pick(tip.label)).toBe('Heb je nog een tip voor de jeugdhulp?');
    expect(questionsFor(national, 'jongere').find((q) => q.id === 'tip')?.number).toBe(16);
  });

  it('speak to a young person in their own words in the national sample', () => {
    const youth = questionsFor(national, 'jongere');
    expect(pick(youth.find((q) => q.id === 'juiste-hulp')?.label)).toBe(
      'Kreeg jij de hulp die je nodig had?',
    );
    expect(pick(questionsFor(national, 'ouder').find((q) => q.id === 'juiste-hulp')?.label)).toBe(
      'Kreeg je kind de hulp die het nodig had?',
    );
  });

  it('are each worded for every role they are asked to, in Dutch and English, in the national sample', () => {
    const missing = national.roles.flatMap((role) =>
      national.questions
        .filter((q) => !q.roles || q.roles.includes(role.id))
        .filter((q) => !q.labelByRole?.[role.id]?.nl || !q.labelByRole[role.id].en)
        .map((q) => `${role.id}: ${q.id}`),
    );
    expect(missing).toEqual([]);
    expect(national.roles.map((r) => pick(r.label))).toEqual([
      'Ik ben een kind of jongere',
      'Ik ben ouder of verzorger',
      'Ik ben professional',
    ]);
    expect(national.roles.every((r) => r.shortLabel) && national.questions.every((q) => q.shortLabel)).toBe(
      true,
    );
  });
});

describe('the slider read-out', () => {
  afterEach(() => setLanguage('nl'));

  it('names the pole itself at either end, without doubling a word', () => {
    expect(sliderWords(100, 'Helemaal niet', 'Helemaal wel')).toBe('helemaal wel');
    expect(sliderWords(0, 'Helemaal niet', 'Helemaal wel')).toBe('helemaal niet');
    expect(sliderWords(0, 'Zeker NIET', 'Zeker WEL')).toBe('zeker NIET');
  });

  it('never repeats a word, for any value of any slider of the national sample, for any role, in either language', () => {
    const doubled: string[] = [];
    for (const language of ['nl', 'en']) {
      setLanguage(language);
      for (const role of national.roles) {
        for (const q of questionsFor(national, role.id).filter((q) => q.type === 'slider')) {
          for (let value = 0; value <= 100; value++) {
            const words = describeAnswer(q, value)
              .toLowerCase()
              .split(/[\s,–]+/);
            if (words.some((word, i) => i > 0 && word === words[i - 1])) {
              doubled.push(`${language} ${role.id} ${q.id} ${value}: ${describeAnswer(q, value)}`);
            }
          }
        }
      }
    }
    expect(doubled).toEqual([]);
  });
});
