// The cards and stories of a table as participants read them, for people rather than statisticians: per card
// its number and title, the observation, a chart (in a simpler form on narrow screens), the two readings, the
// typical stories with their quote, where the numbers come from, the disclaimer, the notes written about it and a
// form to add a note; the test and the numbers behind it wait behind "Voor wie de cijfers wil zien". Then the
// table's stories, each as an excerpt that opens to the whole story.
import { c } from '../card/texts';
import { chartAlt, dataTables, keyNumbers } from '../card/data';
import { figureTable } from '../card/figures';
import { markedExcerpt, markedText } from '../card/quote';
import type { CardDocument, Provenance } from '../card/types';
import { h, uid } from '../form/dom';
import { formatDay } from '../lang';
import { NOTE_KINDS, type NoteKind } from '../session/types';
import * as api from './api';
import { simpleChart } from './chart';
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

/** Characters of a story shown before "Lees het hele verhaal": about five lines on a phone. */
export const EXCERPT = 200;

/** Characters of a typical story on a card shown before "Lees verder": about three lines on a phone. */
export const CARD_EXCERPT = 120;

/**
 * The part of a text shown first: the whole text when it is short, otherwise about {@link EXCERPT} characters cut at
 * a word, around the quote when there is one, with "…" where text was left out.
 */
export function shortened(text: string, quote?: string | null, max = EXCERPT): string {
  if (text.length <= max + 40) return text;
  const at = quote ? text.indexOf(quote) : -1;
  let start = 0;
  if (at >= 0 && at + quote!.length > max) {
    start = Math.max(0, at - Math.max(0, Math.floor((max - quote!.length) / 3)));
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(text.length, Math.max(start + max, at >= 0 ? at + quote!.length : 0));
  const space = text.lastIndexOf(' ', end);
  end = end < text.length && space > start + max / 2 ? space : end;
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trimEnd()}${end < text.length ? ' …' : ''}`;
}

/**
 * A text shown shortened, with a button that shows the whole text and back ({@code more}, "Lees het hele
 * verhaal"); the quote, when given, is marked in both.
 */
function collapsible(
  text: string,
  quote: string | null,
  more: string,
  id: string,
  max = EXCERPT,
): HTMLElement[] {
  const short = shortened(text, quote, max);
  const body = h('p', { class: 'story-body', id });
  const show = (whole: boolean) => {
    const shown = whole ? text : short;
    body.replaceChildren(quote ? markedExcerpt(shown, quote).text : markedText(shown, null, null));
  };
  show(false);
  if (short === text) return [body];
  const button = h(
    'button',
    { type: 'button', class: 'link read-more', 'aria-expanded': 'false', 'aria-controls': id },
    more,
  );
  button.addEventListener('click', () => {
    const whole = button.getAttribute('aria-expanded') !== 'true';
    show(whole);
    button.setAttribute('aria-expanded', String(whole));
    button.textContent = whole ? tt('story.readLess') : more;
  });
  return [body, button];
}

/** "Patroonevaluatie van 7 december 2026, 925 verhalen, standaardinstellingen." */
export function sourceLine(p: Provenance): string {
  return tt('source.line', {
    date: formatDay(p.evaluatedAt),
    stories: p.allStories
      ? tt('source.stories', { count: p.stories })
      : tt('source.part', { count: p.stories }),
    settings: p.defaultSettings ? tt('source.default') : tt('source.own'),
  });
}

/**
 * The chart everyone reads: the simpler form in HTML, large enough on a phone and on a screen alike. The card's full
 * chart (bins, medians, counts per group) is an SVG whose text shrinks with the page, so it stands with the other
 * numbers behind the disclosure.
 */
function chart(card: CardDocument): HTMLElement {
  return h('figure', { class: 'card-figure table-chart' }, simpleChart(card.pattern, card.questions));
}

/** The card's full chart, for the disclosure of numbers. */
function fullChart(token: string, card: CardDocument): HTMLElement {
  const img = h('img', {
    src: api.chartUrl(token, card.id),
    alt: chartAlt(card.pattern, card.questions),
    class: 'card-chart',
    loading: 'lazy',
    decoding: 'async',
  });
  img.addEventListener('error', () => {
    img.hidden = true;
  });
  return h('figure', { class: 'card-figure' }, img);
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
    h('p', { class: 'card-number' }, tt('card.number', { number: card.number })),
    h('h3', { id: `${key}-title`, tabindex: -1 }, card.title),
    h('h4', {}, c('card.observation')),
    h('p', { class: 'observation' }, card.observation),
    chart(card),
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
          ...card.stories.map((s, i) => {
            const marked = markedExcerpt(s.excerpt, s.quote);
            return h(
              'li',
              {},
              h('p', { class: 'role' }, s.role),
              s.quote && !marked.found
                ? h('blockquote', { class: 'quote-block' }, h('mark', { class: 'quote' }, s.quote))
                : null,
              ...collapsible(
                s.excerpt,
                marked.found ? s.quote : null,
                tt('story.readOn'),
                `${key}-story-${i + 1}`,
                CARD_EXCERPT,
              ),
            );
          }),
        )
      : null,
    card.figures?.length > 0 ? figureTable(card.figures, `${key}-figures`) : null,
    h(
      'details',
      { class: 'numbers' },
      h('summary', {}, tt('numbers.summary')),
      h('p', {}, tt('numbers.intro')),
      fullChart(token, card),
      keyNumbers(card.pattern),
      dataTables(card.pattern, card.questions, key),
    ),
    h('p', { class: 'source' }, sourceLine(card.provenance)),
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
    ...collapsible(story.text, null, tt('story.readMore'), `story-${index + 1}-text`),
  );
}
