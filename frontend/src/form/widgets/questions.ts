// A page of questions, shared by the public form and the verteltafel: the right widget for each question,
// the check that required questions are answered, and an answer in words for the review screen.
import { pick, sliderWords, t } from '../../i18n';
import type { Answer, Question, StonesAnswer } from '../../types';
import { choiceQuestion, multichoiceQuestion, textQuestion } from './choices';
import { showRequired } from './field';
import { sliderQuestion } from './slider';
import { describeStones, stonesQuestion } from './stones';
import { triadQuestion } from './triad';

export interface QuestionPage {
  /** The fields, in order. */
  fields: HTMLElement[];
  /** Marks required questions left open and focuses the first; true when nothing is missing. */
  complete(): boolean;
}

/** The fields of one page; every change goes to {@code setAnswer}, and {@code answers} gives the current ones. */
export function questionPage(
  questions: Question[],
  answers: () => Record<string, Answer>,
  setAnswer: (id: string, answer: Answer | undefined) => void,
): QuestionPage {
  const fields = questions.map((q) => {
    const onAnswer = (answer: Answer | undefined) => {
      setAnswer(q.id, answer);
      showRequired(field, false);
    };
    const initial = answers()[q.id];
    const field =
      q.type === 'slider'
        ? sliderQuestion(q, initial, onAnswer)
        : q.type === 'choice'
          ? choiceQuestion(q, initial, onAnswer)
          : q.type === 'multichoice'
            ? multichoiceQuestion(q, initial, onAnswer)
            : q.type === 'triad'
              ? triadQuestion(q, initial, onAnswer)
              : q.type === 'stones'
                ? stonesQuestion(q, initial, onAnswer)
                : textQuestion(q, initial, onAnswer);
    return { q, field };
  });
  return {
    fields: fields.map((f) => f.field),
    complete: () => {
      const missing = fields.filter(({ q }) => q.required && answers()[q.id] === undefined);
      fields.forEach(({ q, field }) =>
        showRequired(
          field,
          missing.some((m) => m.q.id === q.id),
        ),
      );
      if (missing.length > 0) {
        missing[0].field.querySelector<HTMLElement>('input, textarea, [tabindex="0"]')?.focus();
        return false;
      }
      return true;
    },
  };
}

/** An answer in words, as the review screen says it. */
export function describeAnswer(q: Question, answer: Answer | undefined): string {
  if (answer === undefined) {
    return t('review.notAnswered');
  }
  const option = (id: string) => pick(q.options?.find((o) => o.id === id)?.label) || id;
  switch (q.type) {
    case 'slider':
      return answer === 'NA'
        ? t('review.notApplicable')
        : `${answer as number} – ${sliderWords(answer as number, pick(q.left), pick(q.right))}`;
    case 'choice':
      return option(answer as string);
    case 'multichoice':
      return (answer as string[]).map(option).join(t('answer.listSeparator'));
    case 'triad': {
      const [x, y, z] = answer as number[];
      const [a, b, c] = (q.corners ?? []).map((corner) => pick(corner));
      return t('triad.shares', { a, b, c, x, y, z });
    }
    case 'stones':
      return describeStones(q, answer as StonesAnswer);
    default:
      return typeof answer === 'string' ? answer : JSON.stringify(answer);
  }
}
