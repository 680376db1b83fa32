// The cards and stories of a table as participants read them: per card its observation, the chart with
// the numbers in a table, the two readings, the typical stories with their quote, the disclaimer, the
// notes written about it, and a form to add a note; then the table's stories in full.
import { c } from '../card/texts';
import { chartFigure, keyNumbers } from '../card/data';
import { markedExcerpt } from '../card/quote';
import type { CardDocument } from '../card/types';
import { h, uid } from '../form/dom';
import { NOTE_KINDS, type NoteKind } from '../session/types';
import * as api from './api';
import type { NoteInput, TableStory } from './model';
import { tt, type TKey } from './texts';

export function kindLabel(kind: string): string {
  return (NOTE_KINDS as readonly string[]).includes(kind) ? tt(`kind.${kind}` as TKey) : kind;
}

/**
 * A form for a new note: its kind (radio buttons), its text, and (when {@code cards} is given) which card
 * it is about. {@code send} adds it; the form says what happened.
 */
export function noteForm(
  key: string,
  cardId: string | null,
  cards: CardDocument[] | null,
  send: (note: NoteInput) => Promise<void>,
): HTMLFormElement {
  const name = `kind-${key}`;
  const text = h('textarea', {
    id: `note-text-${key}`,
    rows: 3,
    maxlength: 2000,
    class: 'note-text',
    'aria-describedby': `note-status-${key}`,
  });
  const about = cards
    ? h(
        'select',
        { id: `note-card-${key}`, class: 'note-card' },
        h('option', { value: '' }, tt('note.noCard')),
        ...cards.map((card) => h('option', { value: card.id }, card.title)),
      )
    : null;
  const status = h('p', { class: 'note-status', id: `note-status-${key}`, role: 'status' });
  const submit = h('button', { type: 'submit', class: 'button primary add-note' }, tt('note.add'));
  const form = h(
    'form',
    { class: 'note-form', novalidate: true, 'data-form': key },
    h(
      'fieldset',
      { class: 'kinds' },
      h('legend', {}, tt('note.kind')),
      ...NOTE_KINDS.map((kind, i) => {
        const id = uid(`kind-${key}`);
        return h(
          'div',
          { class: 'check' },
          h('input', { type: 'radio', id, name, value: kind, checked: i === 0 }),
          h('label', { for: id }, kindLabel(kind)),
        );
      }),
    ),
    about ? h('div', { class: 'field' }, h('label', { for: about.id }, tt('note.about')), about) : null,
    h('div', { class: 'field' }, h('label', { for: text.id }, tt('note.text')), text),
    status,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = text.value.trim();
    if (value === '') {
      status.textContent = tt('note.empty');
      status.classList.add('error');
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return;
    }
    const kind = (form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ??
      'other') as NoteKind;
    submit.disabled = true;
    status.classList.remove('error');
    text.removeAttribute('aria-invalid');
    void send({ kind, text: value, cardId: about ? about.value || null : cardId })
      .then(() => {
        text.value = '';
        status.textContent = tt('note.added');
        text.focus();
      })
      .catch((error: unknown) => {
        status.textContent = error instanceof Error && error.message ? tt('note.failed') : tt('note.failed');
        status.classList.add('error');
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}

export function cardArticle(
  token: string,
  card: CardDocument,
  index: number,
  send: (note: NoteInput) => Promise<void>,
): HTMLElement {
  const key = `card-${index + 1}`;
  const [first, second] = card.interpretations;
  return h(
    'article',
    { class: 'table-card', 'data-card': card.id, 'aria-labelledby': `${key}-title` },
    h('h3', { id: `${key}-title`, tabindex: -1 }, card.title),
    h('h4', {}, c('card.observation')),
    h('p', { class: 'observation' }, card.observation),
    h('h4', {}, c('card.data')),
    keyNumbers(card.pattern),
    chartFigure(api.chartUrl(token, card.id), card.pattern, card.questions, key),
    first || second ? h('h4', {}, c('card.interpretations')) : null,
    first || second
      ? h(
          'div',
          { class: 'readings' },
          first
            ? h(
                'div',
                { class: 'reading' },
                h('p', { class: 'reading-name' }, c('card.interpretation1')),
                h('p', {}, first),
              )
            : null,
          second
            ? h(
                'div',
                { class: 'reading' },
                h('p', { class: 'reading-name' }, c('card.interpretation2')),
                h('p', {}, second),
              )
            : null,
        )
      : null,
    card.stories.length > 0 ? h('h4', {}, c('card.typicalStories')) : null,
    card.stories.length > 0
      ? h(
          'ul',
          { class: 'typical' },
          ...card.stories.map((s) => {
            const marked = markedExcerpt(s.excerpt, s.quote);
            return h(
              'li',
              {},
              h('p', { class: 'role' }, s.role),
              s.quote && !marked.found
                ? h('blockquote', { class: 'quote-block' }, h('mark', { class: 'quote' }, s.quote))
                : null,
              h('p', { class: 'excerpt' }, marked.text),
            );
          }),
        )
      : null,
    h('p', { class: 'disclaimer-text' }, c('card.disclaimer')),
    h('div', { class: 'card-notes', 'data-card-notes': card.id }),
    h(
      'details',
      { class: 'add-note-box' },
      h('summary', {}, tt('note.addAbout', { title: card.title })),
      noteForm(key, card.id, null, send),
    ),
  );
}

export function storyArticle(story: TableStory, index: number): HTMLElement {
  return h(
    'article',
    { class: 'table-story', 'data-story': story.id, 'aria-labelledby': `story-${index + 1}-title` },
    h(
      'h3',
      { id: `story-${index + 1}-title` },
      story.title && story.title.trim() !== '' ? story.title : tt('story.untitled', { number: index + 1 }),
    ),
    h('p', { class: 'role' }, story.role),
    h('p', { class: 'story-body' }, story.text),
  );
}
