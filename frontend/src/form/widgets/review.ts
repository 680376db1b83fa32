// The review screen's parts, shared by the public form and the verteltafel's read-back: the story as it
// will be sent, and every answer in words with a button back to its page.
import { pick, t } from '../../i18n';
import type { Answer, Question } from '../../types';
import { h } from '../dom';
import { describeAnswer } from './questions';

/** The story with its title; {@code extra} (such as the role) comes under the heading. */
export function reviewStory(
  title: string,
  text: string,
  change: () => void,
  ...extra: HTMLElement[]
): HTMLElement {
  return h(
    'section',
    { class: 'review-story', 'aria-labelledby': 'review-story' },
    h('h2', { id: 'review-story' }, t('review.story')),
    ...extra,
    h('p', { class: 'review-title' }, title.trim() === '' ? t('review.untitled') : title),
    h('p', { class: 'review-text' }, text),
    h(
      'button',
      { type: 'button', class: 'link', 'data-change': 'story', onclick: change },
      t('review.changeStory'),
    ),
  );
}

/** Every answer, page by page, each with a button to change it; null when the story point asks no questions. */
export function reviewAnswers(
  pages: Question[][],
  answers: Record<string, Answer>,
  change: (page: number, question: string) => void,
): HTMLElement | null {
  if (pages.length === 0) {
    return null;
  }
  const list = h('dl', { class: 'review-answers' });
  pages.forEach((questions, page) =>
    questions.forEach((q) => {
      list.append(
        h('dt', {}, `${q.number}. ${pick(q.label)}`),
        h(
          'dd',
          {},
          h('span', { class: 'answer' }, describeAnswer(q, answers[q.id])),
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              'aria-label': `${t('review.change')}: ${pick(q.label)}`,
              'data-change': q.id,
              onclick: () => change(page, q.id),
            },
            t('review.change'),
          ),
        ),
      );
    }),
  );
  return h(
    'section',
    { 'aria-labelledby': 'review-answers' },
    h('h2', { id: 'review-answers' }, t('review.answers')),
    list,
  );
}
