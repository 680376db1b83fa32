// The dashboard of a story point: stories over time, by role, channel and completeness, and every
// question's answers, for one filter applied to all charts at once (one call). A bar (or a count in the
// tables) opens the stories behind it.
import { pick } from '../../i18n';
import { append, h } from '../../form/dom';
import type { Definition } from '../../types';
import type { Ctx } from '../app';
import { chartBlock, type ChartSpec } from '../chartblock';
import * as api from '../client';
import { filteredAddress, pointAddress } from '../addresses';
import { activeFilters, filterFromUrl, filterPanel, narrow } from '../filter';
import {
  binRange,
  channelLabel,
  formatCount,
  formatDate,
  question,
  questionTitle,
  optionLabel,
  roleLabel,
} from '../labels';
import type { Bar, Dashboard, QuestionChart, StoryFilter } from '../model';
import { w } from '../texts';
import { exportLinks } from './exports';
import { figuresSection } from './figures';

export async function dashboardView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  const filter = filterFromUrl(ctx.query);
  ctx.title(`${w('dashboard.title')} – ${pick(d.title)}`);
  const data = await api.dashboard(slug, filter);
  if (!ctx.alive()) return;
  const apply = (f: StoryFilter) => ctx.go(filteredAddress(pointAddress(slug), f), false, '#results');
  const stories = (extra: StoryFilter, more = '') =>
    filteredAddress(`${pointAddress(slug)}/verhalen`, narrow(filter, extra), more);
  const go = (href: string) => ctx.go(href);

  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('dashboard.title')),
    filterPanel(d, filter, apply),
    activeFilters(d, filter, apply),
    h(
      'p',
      { class: 'results', id: 'results', tabindex: -1 },
      w('dashboard.total', { count: formatCount(data.stories) }),
    ),
    data.threshold > 1 ? h('p', { class: 'hint' }, w('dashboard.suppression', { k: data.threshold })) : null,
    h(
      'div',
      { class: 'actions' },
      ctx.can('analyst')
        ? h(
            'a',
            {
              class: 'button secondary',
              href: filteredAddress(`${pointAddress(slug)}/evaluaties`, filter),
            },
            w('dashboard.evaluate'),
          )
        : null,
      h('a', { class: 'button secondary', href: stories({}) }, w('dashboard.browse')),
    ),
    ctx.can('analyst') ? exportLinks(slug, filter) : null,
  );
  ctx.announce(w('dashboard.total', { count: formatCount(data.stories) }));
  if (data.tooFew) {
    append(
      ctx.main,
      h('p', { class: 'notice-line', role: 'note' }, w('dashboard.tooFew', { k: data.threshold })),
      figuresSection(ctx, slug),
    );
    return;
  }

  const overview = h(
    'section',
    { class: 'chart-grid', 'aria-labelledby': 'overview-heading' },
    h('h2', { id: 'overview-heading', class: 'full' }, w('dashboard.overview')),
  );
  overview.append(
    weeksBlock(data, stories, go),
    chartBlock(
      simple(
        w('dashboard.byRole'),
        w('filter.roles'),
        data.roles,
        (b) => roleLabel(d, b.id),
        (b) => stories({ roles: [b.id] }),
        go,
      ),
    ),
    chartBlock(
      simple(
        w('dashboard.byChannel'),
        w('filter.channels'),
        data.channels,
        (b) => channelLabel(b.id),
        (b) => stories({ channels: [b.id] }),
        go,
      ),
    ),
    chartBlock(
      simple(
        w('dashboard.byCompleteness'),
        w('dashboard.completeness'),
        data.completeness,
        (b) => (b.id === 'complete' ? w('dashboard.complete') : w('dashboard.incomplete')),
        (b) =>
          b.id === 'complete'
            ? stories({ includeIncomplete: false })
            : stories({ includeIncomplete: true }, 'complete=false'),
        go,
      ),
    ),
  );
  append(ctx.main, overview, figuresSection(ctx, slug));

  const answers = h(
    'section',
    { class: 'chart-grid', 'aria-labelledby': 'questions-heading' },
    h('h2', { id: 'questions-heading', class: 'full' }, w('dashboard.questions')),
  );
  for (const chart of data.questions) {
    answers.append(
      chart.tooFew ? tooFewBlock(d, chart, data.threshold) : chartBlock(questionSpec(d, chart, stories, go)),
    );
  }
  append(ctx.main, answers);
}

function simple(
  title: string,
  header: string,
  bars: Bar[],
  label: (b: Bar) => string,
  href: (b: Bar) => string,
  go: (href: string) => void,
): ChartSpec {
  return {
    title,
    categoryHeader: header,
    categories: bars.map(label),
    columns: [
      { label: w('chart.count'), counts: bars.map((b) => b.count), shares: bars.map((b) => b.share ?? null) },
    ],
    horizontal: true,
    href: (i) => href(bars[i]),
    go,
  };
}

/**
 * The weeks from the first to the last that can be charted (by their Monday, as the API names them; a week with a
 * suppressed count such as "<5" cannot), those without stories as 0 so that the time axis is even; ten years at
 * most. The axis follows the charted data: one suppressed week years before the rest does not stretch it.
 */
export function everyWeek(bars: Bar[]): Bar[] {
  const byWeek = new Map(bars.map((b) => [b.id, b]));
  const charted = bars.filter((b) => typeof b.count === 'number' && b.count > 0);
  const weeks: Bar[] = [];
  if (charted.length > 0) {
    const first = new Date(`${charted[0].id}T00:00:00Z`);
    const last = new Date(`${charted[charted.length - 1].id}T00:00:00Z`);
    for (let day = first; day <= last && weeks.length < 520; day = new Date(day.getTime() + 7 * 86400000)) {
      const id = day.toISOString().slice(0, 10);
      weeks.push(byWeek.get(id) ?? { id, label: id, count: 0 });
    }
  }
  return weeks;
}

/** How many weeks with stories are outside the time axis (their counts too small to chart). */
export function weeksOutside(bars: Bar[], weeks: Bar[]): number {
  const shown = new Set(weeks.map((b) => b.id));
  return bars.filter((b) => !shown.has(b.id) && b.count !== 0).length;
}

/** The stories per week, with a word on the weeks left off the time axis. */
function weeksBlock(
  data: Dashboard,
  stories: (f: StoryFilter) => string,
  go: (href: string) => void,
): HTMLElement {
  const block = chartBlock(weeksSpec(data, stories, go));
  const outside = weeksOutside(data.weeks, everyWeek(data.weeks));
  if (outside > 0) {
    block.append(
      h('p', { class: 'hint' }, w('dashboard.weeksOutside', { count: outside, k: data.threshold })),
    );
  }
  return block;
}

function weeksSpec(
  data: Dashboard,
  stories: (f: StoryFilter) => string,
  go: (href: string) => void,
): ChartSpec {
  const weeks = everyWeek(data.weeks);
  const sunday = (id: string) =>
    new Date(new Date(`${id}T00:00:00Z`).getTime() + 6 * 86400000).toISOString().slice(0, 10);
  return {
    title: w('dashboard.overTime'),
    categoryHeader: w('dashboard.week'),
    categories: weeks.map((b) => w('dashboard.weekOf', { date: formatDate(`${b.id}T12:00:00Z`) })),
    columns: [
      {
        label: w('chart.count'),
        counts: weeks.map((b) => b.count),
        shares: weeks.map((b) => b.share ?? null),
      },
    ],
    href: (i) => stories({ from: weeks[i].id, to: sunday(weeks[i].id) }),
    go,
  };
}

/** A question answered in 1 to k−1 stories: its title and why there is no chart. */
function tooFewBlock(d: Definition, chart: QuestionChart, k: number): HTMLElement {
  const q = question(d, chart.id);
  return h(
    'figure',
    { class: 'chart' },
    h(
      'figcaption',
      {},
      h('h3', { class: 'chart-title' }, q ? questionTitle(q) : `${chart.number}. ${chart.label}`),
    ),
    h('p', { class: 'hint' }, w('dashboard.questionTooFew', { k })),
  );
}

export function questionSpec(
  d: Definition,
  chart: QuestionChart,
  stories: (f: StoryFilter, more?: string) => string,
  go: (href: string) => void,
): ChartSpec {
  const q = question(d, chart.id);
  const title = q ? questionTitle(q) : `${chart.number}. ${chart.label}`;
  const slider = chart.type === 'slider';
  const extraRows: NonNullable<ChartSpec['extraRows']> = [];
  if (chart.notApplicable !== null && chart.notApplicable !== undefined) {
    extraRows.push({ label: w('answer.notApplicable'), counts: [chart.notApplicable] });
  }
  extraRows.push({ label: w('dashboard.unanswered'), counts: [chart.unanswered] });
  return {
    title,
    categoryHeader: slider
      ? w('dashboard.sliderBin', { left: pick(q?.left), right: pick(q?.right) })
      : w('dashboard.option'),
    categories: chart.bars.map((b, i) =>
      slider
        ? binLabelWithPoles(i, q?.left ? pick(q.left) : '', q?.right ? pick(q.right) : '')
        : optionLabel(q, b.id),
    ),
    columns: [
      {
        label: w('chart.count'),
        counts: chart.bars.map((b) => b.count),
        shares: chart.bars.map((b) => b.share ?? null),
      },
    ],
    horizontal: !slider,
    extraRows,
    extraInChart: true,
    href: (i) =>
      slider
        ? stories({ ranges: { [chart.id]: binRange(i) } })
        : stories({ answers: { [chart.id]: [chart.bars[i].id] } }),
    go,
  };
}

export function binLabelWithPoles(bin: number, left: string, right: string): string {
  const [lo, hi] = binRange(bin);
  if (bin === 0 && left) return `${lo}–${hi} (${left})`;
  if (bin === 9 && right) return `${lo}–${hi} (${right})`;
  return `${lo}–${hi}`;
}
