import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../lang';
import type { Pattern } from '../werkplek/model';
import { binName, cellMark, chartAlt, formatCountValue, formatValue, groupRows, variableName } from './data';
import type { QuestionInfo } from './types';

const questions = [
  { variable: 'gehoord', number: 8, label: 'Gehoord voelen' },
  { variable: 'regio', label: 'Regio' },
] as QuestionInfo[];

describe('the numbers of an observation card', () => {
  afterEach(() => setLanguage('nl'));

  it('shows each group with stories as a row, a suppressed size as it is', () => {
    const rows = groupRows([
      {
        category: 'noord',
        label: 'Noord',
        n: 12,
        mean: 61.25,
        median: 60,
        sd: 10.5,
        skewness: -0.123,
        kurtosis: 1,
      },
      { category: 'zuid', n: '<5', mean: null, median: null, sd: null, skewness: null, kurtosis: null },
      { category: 'west', label: 'West', n: 0, mean: 1 },
    ]);
    expect(rows).toEqual([
      ['Noord', '12', '61,3', '60,0', '10,5', '-0,12', '1,00'],
      ['zuid', '<5', '–', '–', '–', '–', '–'],
    ]);
  });

  it('marks a cell with an adjusted residual of 2 or more as standing out', () => {
    expect(cellMark(2)).toBe('more');
    expect(cellMark(5.1)).toBe('more');
    expect(cellMark(1.99)).toBeNull();
    expect(cellMark(-1.99)).toBeNull();
    expect(cellMark(-2)).toBe('fewer');
    expect(cellMark(undefined)).toBeNull();
  });

  it('names the ten slider bins, the last one including 100', () => {
    expect(Array.from({ length: 10 }, (_, i) => binName(i))).toEqual([
      '0–9',
      '10–19',
      '20–29',
      '30–39',
      '40–49',
      '50–59',
      '60–69',
      '70–79',
      '80–89',
      '90–100',
    ]);
  });

  it('formats numbers and counts in the interface language, with a dash for none', () => {
    expect(formatValue(1234.56)).toBe('1.234,6');
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe('–');
    expect(formatCountValue(undefined)).toBe('–');
    expect(formatCountValue('<5')).toBe('<5');
    setLanguage('en');
    expect(formatValue(1234.56)).toBe('1,234.6');
  });

  it('names a variable with its number as on the card, the role in words, an unknown one by its id', () => {
    expect(variableName(questions, 'gehoord')).toBe('8. Gehoord voelen');
    expect(variableName(questions, 'regio')).toBe('Regio');
    expect(variableName(questions, 'role')).toBe('Rol');
    expect(variableName(questions, 'x:y')).toBe('x:y');
  });

  it('says in the alt text what kind of chart it is and of which questions', () => {
    const base = { questions: ['gehoord', 'regio'] } as unknown as Pattern;
    expect(chartAlt({ ...base, groups: [] }, questions)).toContain('per groep van Regio');
    expect(chartAlt({ ...base, table: {} } as Pattern, questions)).toContain('samen voorkomen');
    expect(chartAlt(base, questions)).toContain('8. Gehoord voelen tegenover die op Regio');
  });
});
