// The notes of an evaluation reach the screen in the workspace's words, never in the result's English.
import { beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../lang';
import { definition as d } from '../testing/definition';
import type { EvaluationResult, Pattern } from './model';
import { patternNotes, runNotes, skippedReason, subsetNotes } from './evaluationnotes';

const result = (notes: string[]) => ({ notes }) as unknown as EvaluationResult;

describe('the notes of an evaluation', () => {
  beforeEach(() => setLanguage('nl'));

  it('says the notes on the whole evaluation in Dutch, with their numbers', () => {
    const notes = runNotes(
      result([
        "minGroupSize and minPairs are at least 5, the story point's suppression threshold: no group of fewer stories is tested (see 'settings').",
        "None of the 12 pairs of questions could be tested with the stories of this filter: see 'skipped' for the reason of each.",
        'No pattern is strong: none has q ≤ 0.05 together with at least a small effect.',
        'Something new the screen does not know yet.',
      ]),
    );
    expect(notes).toEqual([
      'Groepen van minder dan 5 verhalen zijn niet getoetst: de kleinste groep is daarom minstens 5.',
      'Geen van de 12 paren vragen kon worden getoetst met de verhalen van deze filters. Hieronder staat waarom.',
      'Geen patroon is sterk: geen enkel patroon heeft q ≤ 0,05 en ook minstens een klein effect.',
      'Bij dit resultaat hoort nog een technische opmerking.',
    ]);
    expect(notes.join(' ')).not.toMatch(/pairs|minGroupSize|Something/);
  });

  it('reads a subset comparison from its fields, naming the questions left out by their labels', () => {
    const notes = subsetNotes(d, {
      subsetStories: 20,
      otherStories: 80,
      overlapping: true,
      overlappingStories: 5,
      otherWithoutSubsetAnswer: '<5',
      leftOutVariables: ['role', 'regio'],
      notes: ['Not compared, because …'],
      patterns: [],
      skipped: [],
    });
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/: Rol, 2\. Regio\.$/);
    expect(notes.join(' ')).not.toMatch(/Not compared|overlappingStories/);
  });

  it('names the categories a test left out by their labels', () => {
    const pattern = {
      questions: ['gehoord', 'regio'],
      notes: [
        'Left out of the test, fewer than 5 answers: regio=noord, zuid',
        'More than 20% of the expected counts are below 5; read the test with care.',
      ],
    } as unknown as Pattern;
    const notes = patternNotes(d, pattern);
    expect(notes[0]).toBe(
      'Niet meegenomen in de toets, want minder dan 5 antwoorden: 2. Regio: Noord, Zuid.',
    );
    expect(notes[1]).toContain('voorzichtig');
  });

  it('says why a pair was not tested', () => {
    expect(skippedReason('fewer than 10 stories answered both')).toBe(
      'minder dan 10 verhalen hebben allebei de vragen beantwoord',
    );
    expect(skippedReason('all answers are the same')).toBe('alle antwoorden zijn gelijk');
    expect(skippedReason('a reason nobody wrote yet')).toBe('een andere reden');
  });
});
