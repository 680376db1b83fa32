// Refusals of the API reach the screen in the workspace's words, never in the server's (English) text.
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { setLanguage } from '../lang';
import { problemText } from './problems';

const refused = (status: number, errors: { field: string; message: string }[], detail = 'raw detail') =>
  new ApiError('invalid', { type: 'about:blank', title: 'Invalid input', status, detail, errors }, status);

describe('a refusal in words', () => {
  beforeEach(() => setLanguage('nl'));

  it('names what is wrong with each field, without the field names or messages of the API', () => {
    const text = problemText(
      refused(422, [
        { field: 'name', message: 'is required' },
        {
          field: 'stories[1]',
          message: 'story abc may hold personal data: redact it or dismiss the flag first',
        },
        { field: 'stories[2]', message: 'story xyz is hidden' },
      ]),
      (list, index) => (list === 'stories' ? ['s-0', 's-1', 's-2'][index] : undefined),
    );
    expect(text).toBe(
      'Dit is niet bewaard. Kijk de naam na: die is nodig en mag hoogstens 100 tekens hebben. ' +
        'Verhaal s-1 kan persoonsgegevens bevatten. Een analist moet het eerst nakijken. ' +
        'Verhaal s-2 is verborgen en kan er niet bij.',
    );
    expect(text).not.toMatch(/stories\[|is required|redact|raw detail/);
  });

  it('says a conflict plainly, without who saved in between', () => {
    const text = problemText(
      refused(409, [{ field: 'version', message: 'the card was saved by admin in the meantime' }]),
    );
    expect(text).toBe('Dit kan nu niet, omdat het intussen is veranderd. Laad de pagina opnieuw.');
  });

  it('has a sentence for a field it does not know, and for a wait', () => {
    expect(problemText(refused(422, [{ field: 'settings.somethingNew', message: 'x' }]))).toBe(
      'Dit is niet bewaard. Een van de velden klopt niet.',
    );
    expect(problemText(new ApiError('server', undefined, 429, 90))).toBe(
      'Dat ging te vaak achter elkaar. Wacht 2 minuten en probeer het dan opnieuw.',
    );
    setLanguage('en');
    expect(problemText(new ApiError('server', undefined, 429, 30))).toBe(
      'That happened too often in a row. Wait 1 minute and try again.',
    );
  });
});
