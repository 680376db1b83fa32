import { afterEach, describe, expect, it } from 'vitest';
import { pick, setLanguage, sliderWords, t } from './i18n';

describe('sliderWords', () => {
  afterEach(() => setLanguage('nl'));
  const words = (value: number) => sliderWords(value, 'oneens', 'eens');

  it('names each stretch of the slider by its pole, and the ends by the pole itself, at every boundary', () => {
    const expected: [number, string][] = [
      [0, 'oneens'],
      [1, 'dicht bij oneens'],
      [20, 'dicht bij oneens'],
      [21, 'meer naar oneens'],
      [40, 'meer naar oneens'],
      [41, 'in het midden'],
      [50, 'in het midden'],
      [59, 'in het midden'],
      [60, 'meer naar eens'],
      [79, 'meer naar eens'],
      [80, 'dicht bij eens'],
      [99, 'dicht bij eens'],
      [100, 'eens'],
    ];
    expect(expected.map(([value]) => [value, words(value)])).toEqual(expected);
  });

  it('speaks in the interface language', () => {
    setLanguage('en');
    expect(sliderWords(0, 'disagree', 'agree')).toBe('disagree');
    expect(sliderWords(50, 'disagree', 'agree')).toBe('in the middle');
    expect(sliderWords(85, 'disagree', 'agree')).toBe('close to agree');
  });
});

describe('pick', () => {
  afterEach(() => setLanguage('nl'));

  it('takes the story point text in the interface language, or Dutch when it has none', () => {
    setLanguage('en');
    expect(pick({ nl: 'Hallo', en: 'Hello' })).toBe('Hello');
    expect(pick({ nl: 'Alleen Nederlands' })).toBe('Alleen Nederlands');
    setLanguage('nl');
    expect(pick({ nl: 'Hallo', en: 'Hello' })).toBe('Hallo');
  });

  it('gives an empty text for a missing one', () => {
    expect(pick(undefined)).toBe('');
    expect(pick({})).toBe('');
  });
});

describe('form texts', () => {
  afterEach(() => setLanguage('nl'));

  it('fill their placeholders from the catalogue of the interface language', () => {
    expect(t('progress.label', { step: 2, total: 5 })).toBe('Stap 2 van 5');
    setLanguage('en');
    expect(t('progress.label', { step: 2, total: 5 })).toBe('Step 2 of 5');
  });
});
