// Choosing stories for a table: the newest stories of the story point, or those a search finds (the same
// full-text search as the story browser), ten at a time. A story that may hold personal data (flagged) is
// marked before anyone picks it, and cannot be picked until an analyst has looked at it; hidden stories are
// not offered at all.
import { h, uid } from '../../form/dom';
import type { Definition } from '../../types';
import { BASE, problemText } from '../app';
import * as api from '../client';
import { formatCount, formatDate, roleLabel } from '../labels';
import type { StoryItem } from '../model';
import { w } from '../texts';

const PAGE = 10;

export interface StoryPicker {
  element: HTMLElement;
  /** Draws the results again (after a story was added to or removed from the table). */
  refresh(): void;
}

/**
 * A search box and a list of stories to add. {@code chosen} says whether a story is on the table already,
 * {@code add} puts one there.
 */
/** The lengths (in words) a facilitator may ask for: short enough to read aloud at a table. */
const SHORT = [100, 200, 300];

export function storyPicker(
  slug: string,
  d: Definition,
  key: string,
  chosen: (id: string) => boolean,
  add: (story: StoryItem) => void,
): StoryPicker {
  const input = h('input', {
    type: 'search',
    id: `${key}-story-search`,
    autocomplete: 'off',
    'aria-describedby': `${key}-story-search-hint`,
  });
  const results = h('ul', { class: 'pick-results', id: `${key}-pick-results` });
  const summary = h('p', { class: 'pick-summary', role: 'status', id: `${key}-pick-summary` });
  const more = h(
    'button',
    { type: 'button', class: 'button small secondary pick-more', hidden: true },
    w('pick.more'),
  );
  // short stories are what a table can read aloud: the length narrows the list like a filter
  const length = h(
    'select',
    { id: `${key}-pick-length`, class: 'pick-length' },
    h('option', { value: '' }, w('pick.lengthAny')),
    ...SHORT.map((n) => h('option', { value: String(n) }, w('pick.lengthAtMost', { count: n }))),
  );
  let query = '';
  let page = 0;
  let items: StoryItem[] = [];
  let total = 0;

  const draw = () => {
    results.replaceChildren(...items.map((s) => row(s)));
    more.hidden = items.length >= total;
  };

  const row = (s: StoryItem): HTMLElement => {
    const titleId = uid('pick');
    const href = `${BASE}/${encodeURIComponent(slug)}/verhalen/${encodeURIComponent(s.id)}`;
    const onTable = chosen(s.id);
    const action = s.flagged
      ? h(
          'p',
          { class: 'pick-blocked' },
          w('pick.flaggedWhy'),
          ' ',
          h('a', { href, target: '_blank', rel: 'noopener' }, w('pick.check', { id: s.id })),
        )
      : onTable
        ? h('p', { class: 'pick-done', tabindex: -1 }, w('pick.onTable'))
        : h(
            'button',
            {
              type: 'button',
              class: 'button small secondary pick-story',
              'data-story': s.id,
              'aria-describedby': titleId,
              onclick: () => {
                add(s);
                draw();
                results
                  .querySelector<HTMLElement>(`li[data-story="${CSS.escape(s.id)}"] .pick-done`)
                  ?.focus();
              },
            },
            w('pick.add'),
          );
    return h(
      'li',
      { class: `pick-item${s.flagged ? ' flagged' : ''}`, 'data-story': s.id },
      h(
        'p',
        { class: 'pick-title', id: titleId },
        h('span', { class: 'story-id' }, s.id),
        ' · ',
        s.title && s.title.trim() !== '' ? s.title : w('pick.untitled'),
      ),
      h(
        'p',
        { class: 'meta' },
        [formatDate(s.submittedAt), roleLabel(d, s.role)].join(' · '),
        ' ',
        s.flagged ? h('span', { class: 'badge warn' }, w('pick.flagged')) : null,
      ),
      h('p', { class: 'excerpt' }, s.excerpt.replace(/[«»]/g, '')),
      action,
    );
  };

  const load = async (next: number) => {
    summary.textContent = w('pick.searching');
    try {
      const found = await api.searchStories(slug, {
        q: query || undefined,
        filter: { includeIncomplete: true, maxWords: length.value ? Number(length.value) : undefined },
        hidden: false,
        page: next,
        size: PAGE,
      });
      page = next;
      items = next === 0 ? found.stories : [...items, ...found.stories];
      total = found.total;
      const all = items.length >= total;
      summary.textContent =
        total === 0
          ? w('pick.none')
          : query
            ? w(all ? 'pick.foundAll' : 'pick.found', {
                count: formatCount(total),
                shown: formatCount(items.length),
              })
            : w(all ? 'pick.newestAll' : 'pick.newest', {
                count: formatCount(total),
                shown: formatCount(items.length),
              });
      draw();
    } catch (error) {
      summary.textContent = problemText(error);
    }
  };

  more.addEventListener('click', () => void load(page + 1));
  const search = () => {
    query = input.value.trim();
    void load(0);
  };
  length.addEventListener('change', search);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search();
    }
  });
  const element = h(
    'div',
    { class: 'story-picker' },
    h('label', { for: input.id }, w('pick.search')),
    h('p', { class: 'hint', id: `${key}-story-search-hint` }, w('pick.searchHint')),
    h(
      'div',
      { class: 'search-row' },
      input,
      h(
        'button',
        { type: 'button', class: 'button small secondary pick-search', onclick: search },
        w('pick.searchButton'),
      ),
    ),
    h(
      'div',
      { class: 'field-inline pick-length-row' },
      h('label', { for: length.id }, w('pick.length')),
      length,
    ),
    summary,
    results,
    more,
  );
  void load(0);
  return { element, refresh: draw };
}
