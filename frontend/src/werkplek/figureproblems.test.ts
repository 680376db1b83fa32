import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { setLanguage } from '../i18n';
import { figureProblems } from './figureproblems';

function refused(errors: { field: string; message: string; line?: number }[]): ApiError {
  return new ApiError(
    'invalid',
    { type: 'about:blank', title: 'Upload refused', status: 422, detail: '', errors },
    422,
  );
}

describe('figureProblems', () => {
  afterEach(() => setLanguage('nl'));

  it('names the line and the Dutch column of every bad cell', () => {
    setLanguage('nl');
    const problems = figureProblems(
      refused([
        { field: 'rows[1].value', message: "'veel' is not a number: digits with at most one comma", line: 3 },
        { field: 'rows[2].value', message: "'1.234,5' has a separator between thousands; write", line: 4 },
        { field: 'rows[3].source', message: 'is required', line: 5 },
        { field: 'rows[4].value', message: "'12%' is not a number: put % in the column unit", line: 6 },
        {
          field: 'rows[5]',
          message: 'has 7 fields; the header has 6 (a decimal comma ... needs quotes',
          line: 7,
        },
        { field: 'rows[6].indicator', message: 'the same indicator, region and period as rows[0]', line: 8 },
        { field: 'rows[7].source', message: 'must be at most 300 characters', line: 9 },
      ]),
    );
    expect(problems).toEqual([
      'Regel 3, kolom ‘waarde’: is geen getal. Schrijf bijvoorbeeld 12,3 of -4.',
      'Regel 4, kolom ‘waarde’: zet geen punt of spatie tussen duizendtallen. Schrijf bijvoorbeeld 1234,5.',
      'Regel 5, kolom ‘bron’: is leeg. Vul hier iets in.',
      'Regel 6, kolom ‘waarde’: zet % in de kolom eenheid, en hier alleen het getal.',
      "Regel 7: deze regel heeft meer kolommen dan de eerste regel. Staat er een komma in een getal? Zet dan puntkomma's tussen de kolommen, of aanhalingstekens om het getal.",
      'Regel 8, kolom ‘indicator’: dit cijfer staat al eerder in het bestand, met dezelfde regio en periode.',
      'Regel 9, kolom ‘bron’: is te lang (hoogstens 300 tekens).',
    ]);
  });

  it('explains the header, the file and the name of the set, also in English', () => {
    setLanguage('en');
    const problems = figureProblems(
      refused([
        { field: 'header', message: 'the column period (in Dutch periode) is missing', line: 1 },
        { field: 'header', message: "'jaar' is not a column; the columns are ...", line: 1 },
        { field: 'file', message: 'holds 2001 figures; at most 2000 go in one set', line: undefined },
        { field: 'set', message: 'is required' },
      ]),
    );
    expect(problems).toEqual([
      'The column ‘period’ is missing from the first line.',
      '‘jaar’ in the first line is not a column. The columns are: indicator, region, period, value, unit, source.',
      'The file holds too many figures (at most 2000). Spread them over more sets.',
      'Give the set a name of at most 100 characters.',
    ]);
  });
});
