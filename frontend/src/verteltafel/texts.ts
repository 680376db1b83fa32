// The verteltafel's and paper entry's own interface texts (verteltafel.nl.json, verteltafel.en.json);
// the story and question screens use the form's texts, so they read the same as online.
import { pick, sliderWords, t, translator } from '../i18n';
import en from '../i18n/verteltafel.en.json';
import nl from '../i18n/verteltafel.nl.json';
import type { Answer, Question } from '../types';

export type VKey = keyof typeof nl;
export const v = translator<VKey>({ nl, en });

/** An answer in words, as the review screen of the form says it. */
export function describe(q: Question, answer: Answer | undefined): string {
  if (answer === undefined) {
    return t('review.notAnswered');
  }
  const option = (id: string) => pick(q.options?.find((o) => o.id === id)?.label) || id;
  switch (q.type) {
    case 'slider':
      return answer === 'NA' ? t('review.notApplicable') : `${answer} – ${sliderWords(answer as number, pick(q.left), pick(q.right))}`;
    case 'choice':
      return option(answer as string);
    case 'multichoice':
      return (answer as string[]).map(option).join(t('answer.listSeparator'));
    case 'triad': {
      const [x, y, z] = answer as number[];
      const [a, b, c] = (q.corners ?? []).map((corner) => pick(corner));
      return t('triad.shares', { a, b, c, x, y, z });
    }
    default:
      return String(answer);
  }
}
