// The typical stories of a card being edited: in order, each with its role, length and quote; move up or
// down, take off the card, read the whole text and mark a quote in it (by selecting text, or by typing
// where it starts and ends), swap in or add a suggested story, or add a story by its id. Nothing is saved
// until the card is saved.
import { ApiError } from '../../api';
import { markedExcerpt, markedText } from '../../card/quote';
import { h, uid } from '../../form/dom';
import type { Definition } from '../../types';
import { problemText, type Ctx } from '../app';
import * as api from '../client';
import { roleLabel } from '../labels';
import type { CardStory, StoryRef, Suggestion } from '../model';
import { w } from '../texts';

/** Most stories on one card (CardService.MAX_STORIES). */
const MAX_STORIES = 8;
/** Longest quote (CardService.MAX_QUOTE). */
const MAX_QUOTE = 200;
/** Length of the part of a newly added story shown at a glance. */
const EXCERPT = 400;

interface Item {
  id: string;
  role: string;
  words: number;
  text: string;
  /** A part of the text to show at a glance (the server's excerpt, around the quote). */
  excerpt: string;
  quoteStart: number | null;
  quoteEnd: number | null;
  problem: 'hidden' | 'flagged' | null;
  quoteWithdrawn: boolean;
}

const item = (s: CardStory): Item => ({
  id: s.id,
  role: s.role,
  words: s.words,
  text: s.text,
  excerpt: s.excerpt,
  quoteStart: s.quoteStart,
  quoteEnd: s.quoteEnd,
  problem: s.problem,
  quoteWithdrawn: s.quoteWithdrawn,
});

export interface StoriesEditor {
  element: HTMLElement;
  refs(): StoryRef[];
  reset(stories: CardStory[]): void;
}

export function storiesEditor(
  ctx: Ctx,
  slug: string,
  d: Definition,
  cardId: string,
  initial: CardStory[],
): StoriesEditor {
  let items = initial.map(item);
  let suggestions: Suggestion[] | null = null;
  /** The full texts that are open, so that a redraw keeps them open. */
  const open = new Set<string>();
  const list = h('ol', { class: 'card-stories', id: 'card-stories' });
  const news = h('p', { class: 'status-line', role: 'status', id: 'stories-status', tabindex: -1 });
  const suggestionArea = h('div', { id: 'suggestions' });
  const say = (text: string, error = false) => {
    news.textContent = text;
    news.classList.toggle('error', error);
  };

  /** Where each story's text selection was last, in UTF-16 code units of its text. */
  const selections = new Map<string, [number, number]>();
  const onSelection = () => {
    if (!ctx.alive()) {
      document.removeEventListener('selectionchange', onSelection);
      return;
    }
    const found = selectedSpan(list);
    if (found) selections.set(found.id, [found.start, found.end]);
  };
  document.addEventListener('selectionchange', onSelection);

  const draw = (focus?: string) => {
    list.replaceChildren(...items.map((s, i) => storyItem(s, i)));
    if (items.length === 0) list.append(h('li', { class: 'hint' }, w('cardStories.none')));
    if (focus) list.querySelector<HTMLElement>(focus)?.focus();
    drawSuggestions();
  };

  const move = (index: number, by: number) => {
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    const [moved] = items.splice(index, 1);
    items.splice(to, 0, moved);
    const button =
      by < 0 && to > 0
        ? 'story-up'
        : by > 0 && to < items.length - 1
          ? 'story-down'
          : by < 0
            ? 'story-down'
            : 'story-up';
    draw(`li[data-story="${CSS.escape(moved.id)}"] .${button}`);
    say(w('cardStories.moved', { id: moved.id, position: to + 1 }));
  };

  const remove = (index: number) => {
    const [gone] = items.splice(index, 1);
    draw(
      items.length === 0
        ? '#add-story-id'
        : `li:nth-child(${Math.min(index, items.length - 1) + 1}) .story-remove`,
    );
    say(w('cardStories.removed', { id: gone.id }));
  };

  const setQuote = (s: Item, start: number | null, end: number | null): boolean => {
    if (start !== null && end !== null) {
      if (start < 0 || end <= start || end > s.text.length || s.text.slice(start, end).trim() === '') {
        say(w('cardStories.quoteOutside', { length: s.text.length }), true);
        return false;
      }
      if (end - start > MAX_QUOTE) {
        say(w('cardStories.quoteTooLong', { max: MAX_QUOTE }), true);
        return false;
      }
    }
    s.quoteStart = start;
    s.quoteEnd = end;
    open.add(s.id);
    draw(`li[data-story="${CSS.escape(s.id)}"] .story-quote`);
    say(
      start === null ? w('cardStories.quoteCleared', { id: s.id }) : w('cardStories.quoteSet', { id: s.id }),
    );
    return true;
  };

  const storyItem = (s: Item, index: number): HTMLElement => {
    const startId = uid('quote-start');
    const endId = uid('quote-end');
    const start = h('input', {
      type: 'number',
      id: startId,
      class: 'quote-start',
      min: 1,
      max: s.text.length,
      step: 1,
      inputmode: 'numeric',
      value: s.quoteStart === null ? '' : s.quoteStart + 1,
    });
    const end = h('input', {
      type: 'number',
      id: endId,
      class: 'quote-end',
      min: 1,
      max: s.text.length,
      step: 1,
      inputmode: 'numeric',
      value: s.quoteEnd === null ? '' : s.quoteEnd,
    });
    const quote =
      s.quoteStart !== null && s.quoteEnd !== null ? s.text.slice(s.quoteStart, s.quoteEnd) : null;
    const byPosition = () => {
      const from = Number.parseInt(start.value, 10);
      const to = Number.parseInt(end.value, 10);
      if (!Number.isFinite(from) || !Number.isFinite(to)) {
        say(w('cardStories.positionsMissing'), true);
        return;
      }
      setQuote(s, from - 1, to);
    };
    const full = h(
      'details',
      { class: 'story-full', open: open.has(s.id) },
      h('summary', {}, w('cardStories.readAndQuote')),
      h('p', { class: 'hint' }, w('cardStories.selectHint')),
      h(
        'div',
        { class: 'story-fulltext', 'data-story-text': s.id },
        markedText(s.text, s.quoteStart, s.quoteEnd),
      ),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button small secondary use-selection',
            onclick: () => {
              const span = selectedSpan(list);
              const chosen = span && span.id === s.id ? [span.start, span.end] : selections.get(s.id);
              if (!chosen) {
                say(w('cardStories.selectFirst'), true);
                return;
              }
              setQuote(s, chosen[0], chosen[1]);
            },
          },
          w('cardStories.useSelection'),
        ),
      ),
      h(
        'fieldset',
        { class: 'filter-group quote-fields' },
        h('legend', {}, w('cardStories.byPosition')),
        h('p', { class: 'hint' }, w('cardStories.positionHint', { length: s.text.length })),
        h(
          'div',
          { class: 'field-inline' },
          h('label', { for: startId }, w('cardStories.from')),
          start,
          h('label', { for: endId }, w('cardStories.to')),
          end,
          h(
            'button',
            { type: 'button', class: 'button small secondary set-quote', onclick: byPosition },
            w('cardStories.setQuote'),
          ),
        ),
      ),
    );
    onEnter(start, byPosition);
    onEnter(end, byPosition);
    full.addEventListener('toggle', () => {
      if (full.open) open.add(s.id);
      else open.delete(s.id);
    });
    return h(
      'li',
      { class: 'card-story', 'data-story': s.id },
      h('h3', { class: 'story-head' }, w('cardStories.heading', { position: index + 1, role: s.role })),
      h(
        'p',
        { class: 'meta' },
        w('cardStories.meta', { id: s.id, words: s.words }),
        ' ',
        s.problem
          ? h(
              'span',
              { class: 'badge warn' },
              w(s.problem === 'hidden' ? 'cardStories.problemHidden' : 'cardStories.problemFlagged'),
            )
          : null,
      ),
      s.quoteWithdrawn && quote === null
        ? h('p', { class: 'notice-line', role: 'note' }, w('cardStories.quoteWithdrawn'))
        : null,
      h('p', { class: 'story-excerpt' }, markedExcerpt(s.excerpt, quote).text),
      h(
        'p',
        { class: 'story-quote', tabindex: -1 },
        h('span', { class: 'field-name' }, `${w('cardStories.quoteLabel')} `),
        quote === null ? h('span', { class: 'hint' }, w('cardStories.noQuote')) : h('q', {}, quote),
      ),
      full,
      h(
        'div',
        { class: 'actions story-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button small secondary story-up',
            disabled: index === 0,
            'aria-label': w('cardStories.upLabel', { id: s.id }),
            onclick: () => move(index, -1),
          },
          w('cardStories.up'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button small secondary story-down',
            disabled: index === items.length - 1,
            'aria-label': w('cardStories.downLabel', { id: s.id }),
            onclick: () => move(index, 1),
          },
          w('cardStories.down'),
        ),
        quote === null
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'button small secondary clear-quote',
                'aria-label': w('cardStories.clearQuoteLabel', { id: s.id }),
                onclick: () => setQuote(s, null, null),
              },
              w('cardStories.clearQuote'),
            ),
        h(
          'button',
          {
            type: 'button',
            class: 'button small danger story-remove',
            'aria-label': w('cardStories.removeLabel', { id: s.id }),
            onclick: () => remove(index),
          },
          w('cardStories.remove'),
        ),
      ),
    );
  };

  /** Puts a story on the card: at the end, or in the place of the story at {@code replace}. */
  const place = async (id: string, replace: number | null): Promise<boolean> => {
    if (items.some((s) => s.id === id)) {
      say(w('cardStories.already', { id }), true);
      return false;
    }
    if (replace === null && items.length >= MAX_STORIES) {
      say(w('cardStories.full', { max: MAX_STORIES }), true);
      return false;
    }
    let story;
    try {
      story = await api.story(slug, id);
    } catch (error) {
      say(
        error instanceof ApiError && error.status === 404
          ? w('cardStories.unknown', { id })
          : problemText(error),
        true,
      );
      return false;
    }
    if (story.hidden || story.flagged) {
      say(w(story.hidden ? 'cardStories.refusedHidden' : 'cardStories.refusedFlagged', { id }), true);
      return false;
    }
    const text = story.text.trim();
    const added: Item = {
      id: story.id,
      role: roleLabel(d, story.role),
      words: story.wordCount,
      text: story.text,
      excerpt: text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()} …` : text,
      quoteStart: null,
      quoteEnd: null,
      problem: null,
      quoteWithdrawn: false,
    };
    if (replace === null) {
      items.push(added);
      say(w('cardStories.added', { id }));
    } else {
      const old = items[replace];
      items[replace] = added;
      say(w('cardStories.swapped', { id, old: old.id }));
    }
    suggestions = suggestions?.filter((x) => x.id !== id) ?? null;
    draw();
    return true;
  };

  const idInput = h('input', {
    type: 'text',
    id: 'add-story-id',
    autocomplete: 'off',
    spellcheck: 'false',
    class: 'short',
  });
  const addStory = () => {
    const id = idInput.value.trim();
    if (id === '') {
      say(w('cardStories.idMissing'), true);
      idInput.focus();
      return;
    }
    void place(id, null).then((ok) => {
      if (ok) idInput.value = '';
    });
  };
  // inside the card's form: Enter adds the story instead of saving the card
  onEnter(idInput, addStory);
  const addById = h(
    'div',
    { class: 'field-inline add-story' },
    h('label', { for: 'add-story-id' }, w('cardStories.addById')),
    idInput,
    h(
      'button',
      { type: 'button', class: 'button small secondary', id: 'add-story', onclick: addStory },
      w('cardStories.add'),
    ),
  );

  const drawSuggestions = () => {
    if (suggestions === null) {
      suggestionArea.replaceChildren(
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            id: 'show-suggestions',
            onclick: () => void loadSuggestions(),
          },
          w('cardStories.showSuggestions'),
        ),
      );
      return;
    }
    if (suggestions.length === 0) {
      suggestionArea.replaceChildren(h('p', {}, w('cardStories.noSuggestions')));
      return;
    }
    suggestionArea.replaceChildren(
      h(
        'ul',
        { class: 'suggestions' },
        ...suggestions.map((s) => {
          const target = h(
            'select',
            { class: 'swap-target', id: uid('swap') },
            h('option', { value: '' }, w('cardStories.asExtra')),
            ...items.map((x, i) =>
              h('option', { value: String(i) }, w('cardStories.insteadOf', { position: i + 1, id: x.id })),
            ),
          );
          return h(
            'li',
            { class: 'suggestion', 'data-story': s.id },
            h(
              'p',
              { class: 'meta' },
              [
                s.role,
                w('cardStories.words', { words: s.words }),
                s.group ? w('cardStories.group', { group: s.group }) : null,
                s.id,
              ]
                .filter(Boolean)
                .join(' · '),
            ),
            h('p', { class: 'excerpt' }, s.excerpt),
            h(
              'div',
              { class: 'field-inline' },
              h('label', { for: target.id }, w('cardStories.placeLabel')),
              target,
              h(
                'button',
                {
                  type: 'button',
                  class: 'button small secondary swap',
                  'aria-label': w('cardStories.placeButtonLabel', { id: s.id }),
                  onclick: () => void place(s.id, target.value === '' ? null : Number(target.value)),
                },
                w('cardStories.place'),
              ),
            ),
          );
        }),
      ),
    );
  };

  const loadSuggestions = async () => {
    suggestionArea.replaceChildren(h('p', { class: 'loading', role: 'status' }, w('app.loading')));
    try {
      const found = await api.suggestions(cardId, 8);
      suggestions = found.filter((s) => !items.some((x) => x.id === s.id));
      drawSuggestions();
      suggestionArea.querySelector<HTMLElement>('.suggestion select')?.focus();
      say(w('cardStories.suggestionsShown', { count: suggestions.length }));
    } catch (error) {
      suggestions = null;
      drawSuggestions();
      say(problemText(error), true);
    }
  };

  draw();
  const element = h(
    'section',
    { class: 'card', 'aria-labelledby': 'stories-heading' },
    h('h2', { id: 'stories-heading' }, w('cardStories.title')),
    h('p', { class: 'hint' }, w('cardStories.intro', { max: MAX_STORIES })),
    news,
    list,
    h('h3', {}, w('cardStories.moreTitle')),
    suggestionArea,
    addById,
  );
  return {
    element,
    refs: () => items.map((s) => ({ id: s.id, quoteStart: s.quoteStart, quoteEnd: s.quoteEnd })),
    reset: (stories) => {
      items = stories.map(item);
      suggestions = suggestions?.filter((x) => !items.some((s) => s.id === x.id)) ?? null;
      draw();
    },
  };
}

/** Enter in a field inside the card's form does this instead of saving the card. */
function onEnter(input: HTMLInputElement, action: () => void): void {
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      action();
    }
  });
}

/** The selection inside one story's full text, in UTF-16 code units of that text. */
function selectedSpan(list: HTMLElement): { id: string; start: number; end: number } | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const holder = (node: Node) =>
    (node instanceof Element ? node : node.parentElement)?.closest('[data-story-text]');
  const start = holder(range.startContainer);
  const end = holder(range.endContainer);
  if (!start || start !== end || !list.contains(start)) return null;
  const before = document.createRange();
  before.selectNodeContents(start);
  before.setEnd(range.startContainer, range.startOffset);
  const from = before.toString().length;
  const to = from + range.toString().length;
  return to > from ? { id: start.getAttribute('data-story-text') ?? '', start: from, end: to } : null;
}
