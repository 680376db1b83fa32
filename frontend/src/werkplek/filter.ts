// The story filter shared by the dashboard, the story browser, exports and evaluations: kept in the
// address (?filter=…) so a view can be bookmarked, shared and reached with Back; a panel to change it,
// and the active conditions as chips that can be removed one by one.
import { pick } from '../i18n';
import { h, uid } from '../form/dom';
import type { Definition } from '../types';
import {
  CHANNELS,
  channelLabel,
  optionLabel,
  question,
  questionTitle,
  roleLabel,
  variableLabel,
} from './labels';
import type { StoryFilter } from './model';
import { w } from './texts';

/**
 * The filter of the address, or the default: everything, incomplete stories included. What does not have
 * the shape of a filter field (a damaged or hand-made address) is left out, the rest kept.
 */
export function filterFromUrl(params: URLSearchParams): StoryFilter {
  const raw = params.get('filter');
  if (raw) {
    try {
      return clean(filterOf(JSON.parse(raw)));
    } catch {
      // a damaged address falls back to no filter
    }
  }
  return { includeIncomplete: true };
}

const isDay = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x !== '';
const texts = (x: unknown): string[] => (Array.isArray(x) ? x.filter(isText) : []);
const record = (x: unknown): Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
const isRange = (x: unknown): x is [number, number] =>
  Array.isArray(x) &&
  x.length === 2 &&
  x.every((n) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 100) &&
  (x[0] as number) <= (x[1] as number);

/** The fields of a parsed value that have the shape of a filter's (dates, ids, option lists, ranges). */
function filterOf(value: unknown): StoryFilter {
  const v = record(value);
  return {
    from: isDay(v.from) ? v.from : undefined,
    to: isDay(v.to) ? v.to : undefined,
    roles: texts(v.roles),
    channels: texts(v.channels),
    answers: Object.fromEntries(Object.entries(record(v.answers)).map(([q, o]) => [q, texts(o)])),
    ranges: Object.fromEntries(Object.entries(record(v.ranges)).filter(([, r]) => isRange(r))) as Record<
      string,
      [number, number]
    >,
    includeIncomplete: v.includeIncomplete !== false,
    minWords: isCount(v.minWords) ? v.minWords : undefined,
    maxWords: isCount(v.maxWords) ? v.maxWords : undefined,
    contains: isText(v.contains) ? v.contains.slice(0, MAX_CONTAINS) : undefined,
  };
}

/** The longest words filter the service takes (as for a search). */
export const MAX_CONTAINS = 200;
const isCount = (x: unknown): x is number =>
  Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 100000;

/** The query string for a filter (empty for the default). */
export function filterQuery(filter: StoryFilter): string {
  const c = clean(filter);
  const isDefault = Object.keys(c).length === 1 && c.includeIncomplete === true;
  return isDefault ? '' : `filter=${encodeURIComponent(JSON.stringify(c))}`;
}

/** Without empty lists and maps; includeIncomplete always explicit (the views' default is true). */
export function clean(f: StoryFilter): StoryFilter {
  const out: StoryFilter = {};
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.roles && f.roles.length > 0) out.roles = [...f.roles];
  if (f.channels && f.channels.length > 0) out.channels = [...f.channels];
  const answers = Object.entries(f.answers ?? {}).filter(([, v]) => Array.isArray(v) && v.length > 0);
  if (answers.length > 0) out.answers = Object.fromEntries(answers);
  const ranges = Object.entries(f.ranges ?? {}).filter(([, v]) => Array.isArray(v) && v.length === 2);
  if (ranges.length > 0) out.ranges = Object.fromEntries(ranges);
  if (f.minWords != null) out.minWords = f.minWords;
  if (f.maxWords != null) out.maxWords = f.maxWords;
  const contains = f.contains?.trim();
  if (contains) out.contains = contains;
  out.includeIncomplete = f.includeIncomplete !== false;
  return out;
}

function intersect(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a || a.length === 0) return b;
  if (!b || b.length === 0) return a;
  const both = a.filter((x) => b.includes(x));
  // nothing in common: no story can pass; keep the narrower side so the empty result is visible
  return both.length > 0 ? both : b;
}

/** Both filters at once: the stories that pass this filter and the other (lists intersect, ranges overlap). */
export function narrow(base: StoryFilter, extra: StoryFilter): StoryFilter {
  const answers: Record<string, string[]> = { ...(base.answers ?? {}) };
  for (const [q, options] of Object.entries(extra.answers ?? {})) {
    answers[q] = intersect(answers[q], options) ?? options;
  }
  const ranges: Record<string, [number, number]> = { ...(base.ranges ?? {}) };
  for (const [q, [lo, hi]] of Object.entries(extra.ranges ?? {})) {
    const old = ranges[q];
    const overlap: [number, number] = old ? [Math.max(old[0], lo), Math.min(old[1], hi)] : [lo, hi];
    ranges[q] = overlap[0] <= overlap[1] ? overlap : [lo, hi];
  }
  const most = (a?: number, b?: number) => (a == null ? b : b == null ? a : Math.max(a, b));
  const least = (a?: number, b?: number) => (a == null ? b : b == null ? a : Math.min(a, b));
  const later = (a?: string, b?: string) => (!a ? b : !b ? a : a > b ? a : b);
  const earlier = (a?: string, b?: string) => (!a ? b : !b ? a : a < b ? a : b);
  return clean({
    from: later(base.from, extra.from),
    to: earlier(base.to, extra.to),
    roles: intersect(base.roles, extra.roles),
    channels: intersect(base.channels, extra.channels),
    answers,
    ranges,
    minWords: most(base.minWords, extra.minWords),
    maxWords: least(base.maxWords, extra.maxWords),
    // both filters' words must be in the story
    contains: [base.contains, extra.contains].filter(Boolean).join(' ') || undefined,
    // incomplete stories pass only when both filters let them
    includeIncomplete: base.includeIncomplete !== false && extra.includeIncomplete !== false,
  });
}

/** One active condition of a filter in words, and the filter without it. */
export interface Condition {
  label: string;
  without: StoryFilter;
}

export function conditions(d: Definition, filter: StoryFilter): Condition[] {
  const f = clean(filter);
  const out: Condition[] = [];
  if (f.from || f.to) {
    const label =
      f.from && f.to
        ? w('filter.period', { from: f.from, to: f.to })
        : f.from
          ? w('filter.fromOnly', { from: f.from })
          : w('filter.toOnly', { to: f.to ?? '' });
    out.push({ label, without: { ...f, from: undefined, to: undefined } });
  }
  if (f.roles) {
    out.push({
      label: `${w('filter.roles')}: ${f.roles.map((r) => roleLabel(d, r)).join(', ')}`,
      without: { ...f, roles: [] },
    });
  }
  if (f.channels) {
    out.push({
      label: `${w('filter.channels')}: ${f.channels.map(channelLabel).join(', ')}`,
      without: { ...f, channels: [] },
    });
  }
  for (const [id, options] of Object.entries(f.answers ?? {})) {
    const q = question(d, id);
    const rest = { ...f.answers };
    delete rest[id];
    out.push({
      label: `${q ? questionTitle(q) : variableLabel(d, id)}: ${options.map((o) => optionLabel(q, o)).join(', ')}`,
      without: { ...f, answers: rest },
    });
  }
  for (const [id, [lo, hi]] of Object.entries(f.ranges ?? {})) {
    const q = question(d, id);
    const rest = { ...f.ranges };
    delete rest[id];
    const range = lo === 0 && hi === 100 ? w('filter.answered') : w('filter.range', { from: lo, to: hi });
    out.push({
      label: `${q ? questionTitle(q) : variableLabel(d, id)}: ${range}`,
      without: { ...f, ranges: rest },
    });
  }
  if (f.minWords != null || f.maxWords != null) {
    const label =
      f.minWords != null && f.maxWords != null
        ? w('filter.length', { from: f.minWords, to: f.maxWords })
        : f.minWords != null
          ? w('filter.lengthAtLeast', { from: f.minWords })
          : w('filter.lengthAtMost', { to: f.maxWords ?? 0 });
    out.push({ label, without: { ...f, minWords: undefined, maxWords: undefined } });
  }
  if (f.contains) {
    out.push({
      label: w('filter.containsChip', { words: f.contains }),
      without: { ...f, contains: undefined },
    });
  }
  if (!f.includeIncomplete) {
    out.push({ label: w('filter.completeOnly'), without: { ...f, includeIncomplete: true } });
  }
  return out;
}

/** The active conditions as a list; each can be removed (which calls {@code apply} with the rest). */
export function activeFilters(
  d: Definition,
  filter: StoryFilter,
  apply: (f: StoryFilter) => void,
): HTMLElement {
  const list = conditions(d, filter);
  const section = h('section', { class: 'active-filters', 'aria-label': w('filter.activeLabel') });
  if (list.length === 0) {
    section.append(h('p', { class: 'hint' }, w('filter.none')));
    return section;
  }
  section.append(
    h(
      'ul',
      { class: 'chips' },
      ...list.map((c) =>
        h(
          'li',
          { class: 'chip' },
          h('span', {}, c.label),
          h(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              'aria-label': w('filter.remove', { what: c.label }),
              onclick: () => apply(clean(c.without)),
            },
            '×',
          ),
        ),
      ),
    ),
  );
  if (list.length > 1) {
    section.append(
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => apply({ includeIncomplete: true }) },
        w('filter.clearAll'),
      ),
    );
  }
  return section;
}

function checkbox(name: string, value: string, label: string, checked: boolean): HTMLElement {
  const id = uid(`f-${name}`);
  return h(
    'div',
    { class: 'check' },
    h('input', { type: 'checkbox', id, name, value, checked }),
    h('label', { for: id }, label),
  );
}

/**
 * The filter panel: period, roles, channels, the story's length and words, every choice question's options and
 * completeness. Slider
 * ranges (from a chart) are kept as they are. {@code apply} gets the new filter.
 */
export function filterPanel(
  d: Definition,
  filter: StoryFilter,
  apply: (f: StoryFilter) => void,
  open = false,
): HTMLElement {
  const f = clean(filter);
  const from = h('input', { type: 'date', id: 'filter-from', name: 'from', value: f.from ?? '' });
  const to = h('input', { type: 'date', id: 'filter-to', name: 'to', value: f.to ?? '' });
  const incomplete = h('input', {
    type: 'checkbox',
    id: 'filter-incomplete',
    name: 'includeIncomplete',
    checked: f.includeIncomplete !== false,
  });
  const count = (id: string, value?: number) =>
    h('input', {
      type: 'number',
      id,
      name: id,
      min: 0,
      max: 100000,
      step: 1,
      inputmode: 'numeric',
      value: value == null ? '' : String(value),
    });
  const minWords = count('filter-min-words', f.minWords);
  const maxWords = count('filter-max-words', f.maxWords);
  const contains = h('input', {
    type: 'text',
    id: 'filter-contains',
    name: 'contains',
    maxlength: MAX_CONTAINS,
    value: f.contains ?? '',
    'aria-describedby': 'filter-contains-hint',
  });
  const wordCount = (input: HTMLInputElement) => {
    const n = input.valueAsNumber;
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  };
  const choiceQuestions = d.questions.filter((q) => q.type === 'choice' || q.type === 'multichoice');
  const form = h(
    'form',
    { class: 'filter-form', novalidate: true },
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('filter.periodLegend')),
      h(
        'div',
        { class: 'dates' },
        h('div', { class: 'field-inline' }, h('label', { for: 'filter-from' }, w('filter.from')), from),
        h('div', { class: 'field-inline' }, h('label', { for: 'filter-to' }, w('filter.to')), to),
      ),
    ),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('filter.roles')),
      ...d.roles.map((r) => checkbox('role', r.id, pick(r.label), f.roles?.includes(r.id) ?? false)),
    ),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('filter.channels')),
      ...CHANNELS.map((c) => checkbox('channel', c, channelLabel(c), f.channels?.includes(c) ?? false)),
    ),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('filter.storyLegend')),
      h(
        'div',
        { class: 'dates' },
        h('div', { class: 'field-inline' }, h('label', { for: minWords.id }, w('filter.minWords')), minWords),
        h('div', { class: 'field-inline' }, h('label', { for: maxWords.id }, w('filter.maxWords')), maxWords),
      ),
      h('label', { for: contains.id }, w('filter.contains')),
      h('p', { class: 'hint', id: 'filter-contains-hint' }, w('filter.containsHint')),
      contains,
    ),
    h(
      'div',
      { class: 'filter-group filter-answers' },
      h('p', { class: 'group-title' }, w('filter.answers')),
      ...choiceQuestions.map((q) => {
        const chosen = f.answers?.[q.id] ?? [];
        return h(
          'details',
          { class: 'filter-question', open: chosen.length > 0 },
          h('summary', {}, questionTitle(q), chosen.length > 0 ? ` (${chosen.length})` : ''),
          h(
            'fieldset',
            { class: 'options' },
            h('legend', { class: 'visually-hidden' }, questionTitle(q)),
            ...(q.options ?? []).map((o) =>
              checkbox(`answer:${q.id}`, o.id, pick(o.label), chosen.includes(o.id)),
            ),
          ),
        );
      }),
    ),
    h(
      'div',
      { class: 'check' },
      incomplete,
      h('label', { for: 'filter-incomplete' }, w('filter.includeIncomplete')),
    ),
    Object.keys(f.ranges ?? {}).length > 0
      ? h(
          'p',
          { class: 'hint' },
          w('filter.rangesKept', {
            ranges: Object.entries(f.ranges ?? {})
              .map(([id, [lo, hi]]) => `${question(d, id)?.number ?? variableLabel(d, id)}: ${lo}–${hi}`)
              .join('; '),
          }),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button primary', id: 'filter-apply' }, w('filter.apply')),
      h(
        'button',
        { type: 'button', class: 'button secondary', onclick: () => apply({ includeIncomplete: true }) },
        w('filter.clearAll'),
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const answers: Record<string, string[]> = {};
    for (const [name, value] of data.entries()) {
      if (name.startsWith('answer:') && typeof value === 'string') {
        (answers[name.slice(7)] ??= []).push(value);
      }
    }
    apply(
      clean({
        from: from.value || undefined,
        to: to.value || undefined,
        roles: data.getAll('role').map(String),
        channels: data.getAll('channel').map(String),
        answers,
        ranges: f.ranges,
        includeIncomplete: incomplete.checked,
        minWords: wordCount(minWords),
        maxWords: wordCount(maxWords),
        contains: contains.value,
      }),
    );
  });
  const active = conditions(d, f).length;
  return h(
    'details',
    { class: 'filters', open },
    h(
      'summary',
      { id: 'filters-toggle' },
      active > 0 ? w('filter.titleActive', { count: active }) : w('filter.title'),
    ),
    form,
  );
}
