// One comparison: its progress while it runs (polled, with a progress bar and a status line), then every compared
// pattern grouped by verdict in plain words ("Alleen hier", "Geldt hier en elders"), each with its strength here and
// elsewhere as two intervals on one scale, the answers of both sides side by side, and the numbers behind a
// disclosure for those who want them.
import { pick } from '../../i18n';
import { append, h } from '../../form/dom';
import type { Definition } from '../../types';
import { type Ctx } from '../app';
import * as api from '../client';
import { chartBlock, type Column } from '../chartblock';
import { conditions } from '../filter';
import {
  binLabel,
  categoryLabel,
  formatCount,
  formatDateTime,
  formatNumber,
  formatP,
  locale,
  variableLabel,
} from '../labels';
import type {
  ComparedSide,
  ComparisonRun,
  ComparisonSide,
  GroupStats,
  PatternComparison,
  Verdict,
} from '../model';
import { w, type WKey } from '../texts';
import { effectLabel } from './run';
import { binColumns, rowShareColumns } from './pattern';

const cache = new Map<string, ComparisonRun>();
const POLL_MS = 1000;

/** Keeps a comparison seen last, so that its page shows it at once. */
export function rememberComparison(run: ComparisonRun): void {
  cache.set(run.id, run);
}

const VERDICTS: Verdict[] = [
  'only-here',
  'stronger-here',
  'opposite',
  'weaker-here',
  'only-elsewhere',
  'shared',
  'unclear',
];

/** What "here" and "elsewhere" are in a comparison, in words. */
export function describeSides(
  d: Definition,
  run: ComparisonRun,
  slug = '',
): { here: string; elsewhere: string } {
  const side = (s: ComparisonSide): string => {
    const parts: string[] = [];
    if (s.storyPoints && s.storyPoints.length > 0) {
      parts.push(s.storyPoints.map((p) => (p === slug ? pick(d.title) : p)).join(', '));
    }
    if (s.filter) {
      parts.push(...conditions(d, s.filter).map((c) => c.label));
    }
    return parts.length === 0 ? w('comparison.allStories') : parts.join('; ');
  };
  const r = run.request;
  return {
    here: side(r.focus),
    elsewhere: r.reference === 'rest' ? w('comparison.rest') : side(r.reference),
  };
}

export async function comparisonView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  let run = cache.get(ctx.params.id) ?? (await api.comparison(ctx.params.id));
  if (!ctx.alive()) return;
  ctx.title(`${w('comparison.title', { date: formatDateTime(run.createdAt) })} – ${pick(d.title)}`);
  const sides = describeSides(d, run, slug);
  const progress = h('progress', {
    max: 100,
    value: 0,
    id: 'comparison-progress',
    'aria-labelledby': 'cp-label',
  });
  const progressLabel = h('span', { id: 'cp-label', class: 'progress-label' });
  const status = h('p', { class: 'status-line', role: 'status', id: 'comparison-status' });
  const results = h('div', { id: 'comparison-results' });
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('comparison.title', { date: formatDateTime(run.createdAt) })),
    h(
      'dl',
      { class: 'sides' },
      h('dt', {}, w('comparison.here')),
      h('dd', { id: 'side-here' }, sides.here),
      h('dt', {}, w('comparison.elsewhere')),
      h('dd', { id: 'side-elsewhere' }, sides.elsewhere),
    ),
    h('div', { class: 'progress-row' }, progressLabel, progress),
    status,
    results,
  );
  let lastStatus = '';
  const show = () => {
    const percent = Math.round((run.status === 'done' ? 1 : run.progress) * 100);
    progress.value = percent;
    progressLabel.textContent = w('comparison.progressLabel', { percent });
    const text =
      run.status === 'done'
        ? w('comparison.done', { count: run.result?.summary.compared ?? 0 })
        : run.status === 'running'
          ? w('comparison.running', { percent })
          : w(`comparison.status.${run.status}` as WKey);
    // the status line speaks when the state changes, not at every poll
    if (run.status !== lastStatus || run.status !== 'running') {
      status.textContent = text;
    }
    lastStatus = run.status;
    if (run.status === 'done' && run.result) {
      results.replaceChildren(...resultView(d, run));
    }
  };
  show();
  while (ctx.alive() && (run.status === 'queued' || run.status === 'running')) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!ctx.alive()) return;
    try {
      run = await api.comparison(run.id);
    } catch {
      continue;
    }
    rememberComparison(run);
    show();
  }
}

function resultView(d: Definition, run: ComparisonRun): HTMLElement[] {
  const result = run.result!;
  const s = result.summary;
  const out: HTMLElement[] = [
    h(
      'p',
      { id: 'comparison-stories' },
      w('comparison.storyCounts', {
        here: formatCount(run.focusStories ?? result.focus.stories),
        elsewhere: formatCount(run.referenceStories ?? result.reference.stories),
      }),
    ),
    h(
      'ul',
      { class: 'verdict-summary', id: 'verdict-summary' },
      ...VERDICTS.filter((v) => count(s, v) > 0).map((v) =>
        h('li', {}, h('a', { href: `#verdict-${v}` }, `${verdictLabel(v)}: ${count(s, v)}`)),
      ),
    ),
  ];
  if (result.patterns.length === 0) {
    out.push(h('p', {}, w('comparison.nothing')));
  }
  for (const verdict of VERDICTS) {
    const patterns = result.patterns.filter((p) => p.verdict === verdict);
    if (patterns.length === 0) continue;
    out.push(
      h(
        'section',
        { class: 'verdict-group', id: `verdict-${verdict}`, 'aria-labelledby': `verdict-${verdict}-heading` },
        h('h2', { id: `verdict-${verdict}-heading` }, `${verdictLabel(verdict)} (${patterns.length})`),
        h('p', { class: 'hint' }, w(`verdict.explain.${verdict}` as WKey)),
        ...patterns.map((p, i) => patternArticle(d, p, `${verdict}-${i + 1}`)),
      ),
    );
  }
  for (const note of result.notes ?? []) {
    out.push(h('p', { class: 'hint' }, note));
  }
  return out;
}

function count(s: NonNullable<ComparisonRun['result']>['summary'], v: Verdict): number {
  switch (v) {
    case 'shared':
      return s.shared;
    case 'stronger-here':
      return s.strongerHere;
    case 'weaker-here':
      return s.weakerHere;
    case 'only-here':
      return s.onlyHere;
    case 'only-elsewhere':
      return s.onlyElsewhere;
    case 'opposite':
      return s.opposite;
    default:
      return s.unclear;
  }
}

export function verdictLabel(v: Verdict): string {
  return w(`verdict.${v}` as WKey);
}

function patternArticle(d: Definition, p: PatternComparison, id: string): HTMLElement {
  const title = `${variableLabel(d, p.questions[0])} × ${variableLabel(d, p.questions[1])}`;
  return h(
    'article',
    { class: 'card compared-pattern', 'data-pattern': p.key, 'aria-labelledby': `cmp-${id}` },
    h('h3', { id: `cmp-${id}` }, title),
    h(
      'p',
      { class: 'verdict-line' },
      h('span', { class: `badge verdict ${p.verdict}` }, verdictLabel(p.verdict)),
    ),
    intervals(p),
    distributions(d, p),
    numbers(p),
  );
}

/** Strength here and elsewhere: two dots with their 95% intervals on one scale, with the same in words. */
function intervals(p: PatternComparison): HTMLElement {
  const min = p.signed ? -1 : 0;
  const width = 300;
  const x = (v: number) => 70 + ((v - min) / (1 - min)) * (width - 80);
  const row = (side: ComparedSide, y: number, label: string) => {
    const parts: SVGElement[] = [];
    const svg = (tag: string, attrs: Record<string, string | number>) => {
      const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      return e;
    };
    const text = svg('text', { x: 0, y: y + 4, class: 'interval-label' });
    text.textContent = label;
    parts.push(text);
    if (side.effect != null) {
      if (side.low != null && side.high != null) {
        parts.push(svg('line', { x1: x(side.low), x2: x(side.high), y1: y, y2: y, class: 'interval-line' }));
      }
      parts.push(
        svg('circle', { cx: x(side.effect), cy: y, r: 5, class: side.strong ? 'dot strong' : 'dot' }),
      );
    }
    return parts;
  };
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} 70`);
  svg.setAttribute('class', 'interval-chart');
  svg.setAttribute('role', 'img');
  const words = `${w('comparison.here')}: ${sideInWords(p.focus)}; ${w('comparison.elsewhere')}: ${sideInWords(p.reference)}`;
  svg.setAttribute('aria-label', `${w('comparison.strength')}. ${words}`);
  const axis = document.createElementNS('http://www.w3.org/2000/svg', 'line');
  for (const [k, v] of Object.entries({ x1: x(min), x2: x(1), y1: 58, y2: 58, class: 'axis' })) {
    axis.setAttribute(k, String(v));
  }
  svg.append(axis);
  for (const tick of p.signed ? [-1, 0, 1] : [0, 0.5, 1]) {
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('x', String(x(tick)));
    t.setAttribute('y', '69');
    t.setAttribute('class', 'tick');
    t.setAttribute('text-anchor', 'middle');
    t.textContent = tick.toLocaleString(locale());
    svg.append(t);
  }
  svg.append(...row(p.focus, 16, w('comparison.here')), ...row(p.reference, 40, w('comparison.elsewhere')));
  return h(
    'figure',
    { class: 'interval-figure' },
    svg,
    h('figcaption', {}, `${w('comparison.strength')} (${effectLabel(p.effect)}). ${words}`),
  );
}

function sideInWords(side: ComparedSide): string {
  if (side.effect == null) {
    return side.skipped ? w('comparison.notTested') : w('comparison.noEffect');
  }
  const value = formatNumber(side.effect);
  const interval =
    side.low != null && side.high != null
      ? ` (${w('comparison.between', { low: formatNumber(side.low), high: formatNumber(side.high) })})`
      : '';
  return `${value}${interval}, ${side.strong ? w('comparison.strong') : w('comparison.notStrong')}`;
}

/** The answers of both sides side by side: a slider's bins per group, or the shares of a table's rows. */
function distributions(d: Definition, p: PatternComparison): HTMLElement | null {
  const here = p.focus.pattern;
  const elsewhere = p.reference.pattern;
  const [first, second] = p.questions;
  const tag = (label: string, side: string) => `${side}: ${label}`;
  if (p.kind === 'slider_by_choice' && (here?.groups || elsewhere?.groups)) {
    const columns: Column[] = [];
    const add = (groups: GroupStats[] | undefined, side: string) => {
      const shown = (groups ?? []).filter((g) => g.n !== 0);
      columns.push(
        ...binColumns(shown, (g) => tag(categoryLabel(d, second, g.category ?? '', g.label), side)),
      );
    };
    add(here?.groups, w('comparison.here'));
    add(elsewhere?.groups, w('comparison.elsewhere'));
    return chartBlock({
      title: w('comparison.distributions'),
      level: 'h4',
      categoryHeader: variableLabel(d, first),
      categories: Array.from({ length: 10 }, (_, i) => binLabel(i)),
      columns,
      asShares: true,
      tableOpen: false,
    });
  }
  if (p.kind === 'choice_by_choice' && (here?.table || elsewhere?.table)) {
    const columns: Column[] = [];
    const table = (here?.table ?? elsewhere?.table)!;
    for (const [side, t] of [
      [w('comparison.here'), here?.table],
      [w('comparison.elsewhere'), elsewhere?.table],
    ] as const) {
      if (!t) continue;
      columns.push(
        ...rowShareColumns(t, (i) => tag(categoryLabel(d, first, t.rows[i], t.rowLabels[i]), side)),
      );
    }
    return chartBlock({
      title: w('comparison.distributions'),
      level: 'h4',
      categoryHeader: variableLabel(d, second),
      categories: table.columns.map((c, j) => categoryLabel(d, second, c, table.columnLabels[j])),
      columns,
      asShares: true,
      horizontal: true,
      tableOpen: false,
    });
  }
  return null;
}

/** The statistics, closed by default: effect sizes with intervals, q on each side, the difference test. */
function numbers(p: PatternComparison): HTMLElement {
  const row = (label: string, side: ComparedSide) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, label),
      h('td', {}, formatCount(side.n ?? null)),
      h('td', {}, side.effect == null ? '–' : formatNumber(side.effect)),
      h(
        'td',
        {},
        side.low == null || side.high == null
          ? '–'
          : `${formatNumber(side.low)} – ${formatNumber(side.high)}`,
      ),
      h('td', {}, side.q == null ? '–' : formatP(side.q)),
    );
  const diff = p.difference;
  return h(
    'details',
    { class: 'numbers' },
    h('summary', {}, w('comparison.numbers')),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, ''),
            h('th', { scope: 'col' }, w('comparison.n')),
            h('th', { scope: 'col' }, effectLabel(p.effect)),
            h('th', { scope: 'col' }, w('comparison.ci')),
            h('th', { scope: 'col' }, 'q'),
          ),
        ),
        h('tbody', {}, row(w('comparison.here'), p.focus), row(w('comparison.elsewhere'), p.reference)),
      ),
    ),
    diff
      ? h(
          'p',
          {},
          w('comparison.differenceTest', {
            test: w(`comparison.test.${diff.test}` as WKey),
            p: formatP(diff.p ?? null),
            q: formatP(diff.q ?? null),
          }),
        )
      : null,
    ...(p.notes ?? []).map((n) => h('p', { class: 'hint' }, n)),
  );
}
