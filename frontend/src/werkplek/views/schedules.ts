// Scheduled evaluations ("Geplande evaluaties"): the story point's schedules (what, how often, the last run with a link
// to it, when the next comes), a form to add one (every quarter or month; the last period or all stories, with the
// filter of the page) and a button to stop one. The runs a schedule made stay among the evaluations.
import { h, append, uid } from '../../form/dom';
import { pick } from '../../i18n';
import type { Definition } from '../../types';
import { problemText, type Ctx } from '../app';
import { evaluationAddress, filteredAddress, pointAddress } from '../addresses';
import * as api from '../client';
import { statusLine } from '../fields';
import { activeFilters, clean, conditions, filterFromUrl, filterPanel } from '../filter';
import { formatDate, formatDateTime } from '../labels';
import type { Schedule, StoryFilter } from '../model';
import { w } from '../texts';
import { periodLabel } from './monitor';

/** A run's status in words. */
function statusText(status: string | undefined): string {
  switch (status) {
    case 'running':
      return w('status.running');
    case 'done':
      return w('status.done');
    case 'failed':
      return w('status.failed');
    default:
      return w('status.queued');
  }
}

export function schedulesAddress(slug: string): string {
  return `${pointAddress(slug)}/evaluaties/gepland`;
}

/** The first day of the quarter or month after the one that holds {@code day} (an ISO date). */
export function nextPeriod(day: string, interval: Schedule['interval']): string {
  const [year, month] = day.split('-').map(Number);
  const months = interval === 'month' ? 1 : 3;
  const first = Math.floor((month - 1) / months) * months + months;
  const y = year + Math.floor(first / 12);
  return `${y}-${String((first % 12) + 1).padStart(2, '0')}-01`;
}

/** The first day of the quarter or month that holds {@code day} (an ISO date). */
export function periodStart(day: string, interval: Schedule['interval']): string {
  const [year, month] = day.split('-').map(Number);
  const months = interval === 'month' ? 1 : 3;
  const first = Math.floor((month - 1) / months) * months + 1;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

/** Today in Dutch time as an ISO date. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

export async function schedulesView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  const filter = filterFromUrl(ctx.query);
  ctx.title(`${w('schedules.title')} – ${pick(d.title)}`);
  const list = await api.schedules(slug);
  if (!ctx.alive()) return;
  const status = statusLine('schedules-status');
  const table = h('div', { id: 'schedules' });
  const draw = (schedules: Schedule[]) =>
    table.replaceChildren(scheduleTable(ctx, slug, d, schedules, status));
  draw(list);
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('schedules.title')),
    h('p', { class: 'intro' }, w('schedules.intro')),
    h('p', {}, h('a', { href: `${pointAddress(slug)}/evaluaties` }, w('schedules.back'))),
    status.element,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'schedules-heading' },
      h('h2', { id: 'schedules-heading' }, w('schedules.listTitle')),
      table,
    ),
  );
  if (ctx.can('analyst')) {
    append(
      ctx.main,
      addForm(slug, d, filter, status, draw, (f) =>
        ctx.go(filteredAddress(schedulesAddress(slug), f), true, '#schedule-add-heading'),
      ),
    );
  }
}

/** What a schedule evaluates, in words. */
function what(d: Definition, s: Schedule): string {
  const filter: StoryFilter = s.evaluation.filter ?? {};
  const extra = conditions(d, { ...filter, includeIncomplete: filter.includeIncomplete === true })
    .map((c) => c.label)
    .join('; ');
  const base =
    s.covers === 'all'
      ? w('schedules.coversAll')
      : w(s.interval === 'month' ? 'schedules.coversLastMonth' : 'schedules.coversLastQuarter');
  return extra === '' ? base : `${base} (${extra})`;
}

function scheduleTable(
  ctx: Ctx,
  slug: string,
  d: Definition,
  schedules: Schedule[],
  status: ReturnType<typeof statusLine>,
): HTMLElement {
  if (schedules.length === 0) {
    return h('p', { id: 'schedules-none' }, w('schedules.none'));
  }
  const rows = schedules.map((s) => {
    const last = s.runs[0];
    const current = today();
    const madeThisPeriod = last !== undefined && last.start === periodStart(current, s.interval);
    const next = madeThisPeriod ? formatDate(nextPeriod(current, s.interval)) : w('schedules.nextSoon');
    const stop = h('button', { type: 'button', class: 'button', 'data-schedule': s.id }, w('schedules.stop'));
    stop.addEventListener('click', () => {
      stop.disabled = true;
      api
        .deleteSchedule(slug, s.id)
        .then(() => api.schedules(slug))
        .then((list) => {
          if (!ctx.alive()) return;
          status.say(w('schedules.stopped'), true);
          document.getElementById('schedules')?.replaceChildren(scheduleTable(ctx, slug, d, list, status));
        })
        .catch((error: unknown) => {
          stop.disabled = false;
          status.fail(problemText(error));
        });
    });
    return h(
      'tr',
      { 'data-schedule': s.id },
      h('th', { scope: 'row' }, what(d, s)),
      h('td', {}, w(s.interval === 'month' ? 'schedules.everyMonth' : 'schedules.everyQuarter')),
      h(
        'td',
        {},
        last === undefined
          ? w('schedules.noRunYet')
          : last.runId
            ? h(
                'a',
                { href: evaluationAddress(slug, last.runId) },
                `${periodLabel(last, s.interval)} · ${statusText(last.status)}`,
              )
            : `${periodLabel(last, s.interval)} · ${w('schedules.runGone')}`,
      ),
      h('td', {}, next),
      h('td', {}, w('schedules.madeBy', { name: s.createdBy, when: formatDateTime(s.createdAt) })),
      h('td', {}, ctx.can('analyst') ? stop : ''),
    );
  });
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': w('schedules.listTitle') },
    h(
      'table',
      { class: 'data schedules-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, w('schedules.what')),
          h('th', { scope: 'col' }, w('schedules.often')),
          h('th', { scope: 'col' }, w('schedules.last')),
          h('th', { scope: 'col' }, w('schedules.next')),
          h('th', { scope: 'col' }, w('schedules.made')),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, w('schedules.actions'))),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

function radio(name: string, value: string, label: string, checked: boolean): HTMLElement {
  const id = uid(name);
  return h(
    'div',
    { class: 'check' },
    h('input', { type: 'radio', id, name, value, checked }),
    h('label', { for: id }, label),
  );
}

function addForm(
  slug: string,
  d: Definition,
  filter: StoryFilter,
  status: ReturnType<typeof statusLine>,
  draw: (list: Schedule[]) => void,
  refilter: (f: StoryFilter) => void,
): HTMLElement {
  const submit = h(
    'button',
    { type: 'submit', class: 'button primary', id: 'schedule-add' },
    w('schedules.add'),
  );
  const error = h('p', { class: 'error', role: 'alert', id: 'schedule-error' });
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'schedule-add-heading' },
    h('h2', { id: 'schedule-add-heading', tabindex: -1 }, w('schedules.addTitle')),
    h(
      'fieldset',
      { class: 'filter-group', id: 'schedule-interval' },
      h('legend', {}, w('schedules.often')),
      radio('interval', 'quarter', w('schedules.everyQuarter'), true),
      radio('interval', 'month', w('schedules.everyMonth'), false),
    ),
    h(
      'fieldset',
      { class: 'filter-group', id: 'schedule-covers' },
      h('legend', {}, w('schedules.coversLegend')),
      radio('covers', 'last-period', w('schedules.coversLast'), true),
      radio('covers', 'all', w('schedules.coversAll'), false),
    ),
    h('p', {}, w('schedules.withFilters')),
    activeFilters(d, filter, refilter),
    filterPanel(d, filter, refilter),
    error,
    h('p', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    const data = new FormData(form);
    const covers = (data.get('covers') as string | null) ?? 'last-period';
    const interval = (data.get('interval') as string | null) ?? 'quarter';
    const f = clean(filter);
    // the schedule chooses each run's period itself
    const chosen: StoryFilter = covers === 'last-period' ? { ...f, from: undefined, to: undefined } : f;
    submit.disabled = true;
    api
      .createSchedule(slug, { interval, covers, evaluation: { filter: chosen } })
      .then(() => api.schedules(slug))
      .then((list) => {
        draw(list);
        status.say(w('schedules.added'), true);
      })
      .catch((e: unknown) => {
        error.textContent = problemText(e);
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return form;
}
