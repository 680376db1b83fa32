// The story browser: full-text search, the shared filters, moderation state, paging. Each story opens
// its own page. Lists hold stories, not aggregates: their counts are exact.
import { pick } from '../../i18n';
import { append, h, uid } from '../../form/dom';
import { BASE, type Ctx } from '../app';
import * as api from '../client';
import { filteredAddress, pointAddress } from '../addresses';
import { activeFilters, filterFromUrl, filterPanel } from '../filter';
import { channelLabel, formatDate, locale, roleLabel } from '../labels';
import type { StoryFilter, StoryItem } from '../model';
import { w } from '../texts';
import { exportLinks } from './exports';

const SIZE = 20;

export interface BrowserState {
  filter: StoryFilter;
  q: string;
  page: number;
  flagged?: boolean;
  hidden?: boolean;
  complete?: boolean;
}

const bool = (value: string | null) => (value === 'true' ? true : value === 'false' ? false : undefined);

export function storiesAddress(slug: string, s: BrowserState): string {
  const parts: string[] = [];
  if (s.q.trim() !== '') parts.push(`q=${encodeURIComponent(s.q.trim())}`);
  if (s.flagged !== undefined) parts.push(`flagged=${s.flagged}`);
  if (s.hidden !== undefined) parts.push(`hidden=${s.hidden}`);
  if (s.complete !== undefined) parts.push(`complete=${s.complete}`);
  if (s.page > 0) parts.push(`page=${s.page + 1}`);
  return filteredAddress(`${pointAddress(slug)}/verhalen`, s.filter, ...parts);
}

/** What the story browser shows, as its address says (the first page when the page is not a number). */
export function browserState(query: URLSearchParams): BrowserState {
  return {
    filter: filterFromUrl(query),
    q: query.get('q') ?? '',
    page: Math.max(0, (Number.parseInt(query.get('page') ?? '1', 10) || 1) - 1),
    flagged: bool(query.get('flagged')),
    hidden: bool(query.get('hidden')),
    complete: bool(query.get('complete')),
  };
}

export async function storiesView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  const state = browserState(ctx.query);
  ctx.title(`${w('stories.title')} – ${pick(d.title)}`);
  const result = await api.searchStories(slug, {
    q: state.q.trim() === '' ? undefined : state.q.trim(),
    filter: state.filter,
    flagged: state.flagged,
    hidden: state.hidden,
    complete: state.complete,
    page: state.page,
    size: SIZE,
  });
  if (!ctx.alive()) return;
  const move = (changes: Partial<BrowserState>) =>
    ctx.go(storiesAddress(slug, { ...state, page: 0, ...changes }), false, '#results');

  const search = h('input', {
    type: 'search',
    id: 'story-search',
    name: 'q',
    value: state.q,
    maxlength: 200,
    'aria-describedby': 'search-hint',
  });
  const flagged = select(
    'flagged-select',
    [
      ['', w('stories.flaggedAll')],
      ['true', w('stories.flaggedOnly')],
      ['false', w('stories.flaggedNone')],
    ],
    state.flagged,
  );
  const hidden = select(
    'hidden-select',
    [
      ['', w('stories.hiddenAll')],
      ['false', w('stories.hiddenVisible')],
      ['true', w('stories.hiddenOnly')],
    ],
    state.hidden,
  );
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'story-search' }, w('stories.search')),
      h('p', { class: 'hint', id: 'search-hint' }, w('stories.searchHint')),
      h(
        'div',
        { class: 'search-row' },
        search,
        h(
          'button',
          { type: 'submit', class: 'button primary', id: 'search-submit' },
          w('stories.searchButton'),
        ),
      ),
    ),
    h(
      'div',
      { class: 'moderation-filters' },
      h(
        'div',
        { class: 'field-inline' },
        h('label', { for: 'flagged-select' }, w('stories.flagged')),
        flagged,
      ),
      h('div', { class: 'field-inline' }, h('label', { for: 'hidden-select' }, w('stories.hidden')), hidden),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    move({ q: search.value, flagged: bool(flagged.value || null), hidden: bool(hidden.value || null) });
  });

  const pages = Math.max(1, Math.ceil(result.total / SIZE));
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('stories.title')),
    form,
    filterPanel(d, state.filter, (filter) => move({ filter })),
    activeFilters(d, state.filter, (filter) => move({ filter })),
    state.complete === false
      ? h(
          'p',
          { class: 'chip-line' },
          h(
            'span',
            { class: 'chip' },
            w('stories.incompleteOnly'),
            h(
              'button',
              {
                type: 'button',
                class: 'chip-remove',
                'aria-label': w('filter.remove', { what: w('stories.incompleteOnly') }),
                onclick: () => move({ complete: undefined }),
              },
              '×',
            ),
          ),
        )
      : null,
    h(
      'p',
      { class: 'results', id: 'results', tabindex: -1 },
      result.total === 0
        ? w('stories.none')
        : w('stories.found', {
            count: result.total.toLocaleString(locale()),
            from: state.page * SIZE + 1,
            to: Math.min(result.total, (state.page + 1) * SIZE),
          }),
    ),
    h(
      'ol',
      { class: 'story-list', start: state.page * SIZE + 1 },
      ...result.stories.map((s) => item(ctx, slug, s, state.q.trim() !== '', d)),
    ),
    pages > 1
      ? h(
          'nav',
          { class: 'pager', 'aria-label': w('stories.pages') },
          h(
            'a',
            {
              class: 'button secondary',
              href: state.page > 0 ? storiesAddress(slug, { ...state, page: state.page - 1 }) : null,
              'aria-disabled': state.page === 0 ? 'true' : null,
              rel: 'prev',
            },
            w('stories.previous'),
          ),
          h('span', { class: 'page-of' }, w('stories.pageOf', { page: state.page + 1, pages })),
          h(
            'a',
            {
              class: 'button secondary',
              href: state.page + 1 < pages ? storiesAddress(slug, { ...state, page: state.page + 1 }) : null,
              'aria-disabled': state.page + 1 >= pages ? 'true' : null,
              rel: 'next',
            },
            w('stories.next'),
          ),
        )
      : null,
    ctx.can('analyst') ? exportLinks(slug, state.filter) : null,
  );
  ctx.announce(result.total === 0 ? w('stories.none') : w('stories.foundShort', { count: result.total }));
}

function select(id: string, options: [string, string][], value: boolean | undefined): HTMLSelectElement {
  const current = value === undefined ? '' : String(value);
  return h(
    'select',
    { id, name: id },
    ...options.map(([v, label]) => h('option', { value: v, selected: v === current }, label)),
  );
}

/** The excerpt with the search matches (between « and ») marked. */
function excerpt(text: string, marked: boolean): HTMLElement {
  const p = h('p', { class: 'excerpt' });
  if (!marked) {
    p.append(text);
    return p;
  }
  const parts = text.split(/«|»/);
  parts.forEach((part, i) => p.append(i % 2 === 1 ? h('mark', {}, part) : part));
  return p;
}

function item(
  ctx: Ctx,
  slug: string,
  s: StoryItem,
  marked: boolean,
  d: import('../../types').Definition,
): HTMLElement {
  const titleId = uid('story');
  const href = `${BASE}/${encodeURIComponent(slug)}/verhalen/${encodeURIComponent(s.id)}`;
  return h(
    'li',
    { class: 'story-item', 'aria-labelledby': titleId },
    h(
      'h2',
      { class: 'story-title', id: titleId },
      h('a', { href }, s.title && s.title.trim() !== '' ? s.title : w('story.untitled', { id: s.id })),
    ),
    h(
      'p',
      { class: 'meta' },
      [
        formatDate(s.submittedAt),
        roleLabel(d, s.role),
        channelLabel(s.channel),
        w('story.words', { count: s.wordCount }),
      ].join(' · '),
      ' ',
      s.complete ? null : h('span', { class: 'badge' }, w('story.incomplete')),
      s.flagged && ctx.can('analyst') ? h('span', { class: 'badge warn' }, w('story.flagged')) : null,
      s.hidden ? h('span', { class: 'badge dark' }, w('story.hidden')) : null,
    ),
    excerpt(s.excerpt, marked),
  );
}
