// One comparison: its progress while it runs (polled, with a progress bar and a status line), then every compared
// pattern grouped by verdict in plain words ("Alleen hier", "Geldt hier en elders"), each with its strength here and
// elsewhere as two intervals on one scale, the answers of both sides side by side, and the numbers behind a
// disclosure for those who want them.
import { pick } from '../../i18n';
import { append, h } from '../../form/dom';
import type { Definition } from '../../types';
import { problemText, type Ctx } from '../app';
import { cardAddress } from '../addresses';
import * as api from '../client';
import { chartBlock, type Column } from '../chartblock';
import { conditions } from '../filter';
import {
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
  EvaluationRequest,
  GroupStats,
  PatternComparison,
  Verdict,
} from '../model';
import { w, type WKey } from '../texts';
import { effectLabel } from './run';
import { rowShareColumns } from './pattern';

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
      results.replaceChildren(...resultView(ctx, d, run));
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

function resultView(ctx: Ctx, d: Definition, run: ComparisonRun): HTMLElement[] {
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
        ...patterns.map((p, i) => patternArticle(ctx, d, run, p, `${verdict}-${i + 1}`)),
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

function patternArticle(
  ctx: Ctx,
  d: Definition,
  run: ComparisonRun,
  p: PatternComparison,
  id: string,
): HTMLElement {
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
    ctx.can('analyst') || ctx.can('facilitator') ? cardMaker(ctx, d, run, p, id) : null,
    numbers(p),
  );
}

/** A span placed on a track: from {@code from}% to {@code to}% of its width (a dot when they are equal). */
function placed(className: string, from: number, to = from): HTMLElement {
  const span = h('span', { class: className });
  span.style.setProperty('left', `${Math.max(0, Math.min(100, from))}%`);
  if (to !== from) {
    span.style.setProperty('width', `${Math.max(0, Math.min(100, to) - Math.max(0, from))}%`);
  }
  return span;
}

/**
 * Strength here and elsewhere: per side a dot with its 95% interval as a bar, on one scale (HTML, so that its text
 * keeps its size on a phone), with the same in words beside it.
 */
function intervals(p: PatternComparison): HTMLElement {
  const min = p.signed ? -1 : 0;
  const at = (v: number) => ((v - min) / (1 - min)) * 100;
  const row = (side: ComparedSide, label: string) =>
    h(
      'li',
      {},
      h('span', { class: 'cmp-name' }, label),
      h(
        'span',
        { class: 'cmp-track', 'aria-hidden': 'true' },
        side.effect != null && side.low != null && side.high != null
          ? placed('cmp-interval', at(side.low), at(side.high))
          : null,
        side.effect != null ? placed(side.strong ? 'cmp-dot strong' : 'cmp-dot', at(side.effect)) : null,
      ),
      h('span', { class: 'cmp-value' }, sideInWords(side)),
    );
  const ticks = p.signed ? [-1, 0, 1] : [0, 0.5, 1];
  return h(
    'figure',
    { class: 'cmp-figure' },
    h('figcaption', {}, `${w('comparison.strength')} (${effectLabel(p.effect)})`),
    h(
      'ul',
      { class: 'cmp-rows' },
      row(p.focus, w('comparison.here')),
      row(p.reference, w('comparison.elsewhere')),
    ),
    h(
      'p',
      { class: 'cmp-axis', 'aria-hidden': 'true' },
      ...ticks.map((t) => h('span', {}, t.toLocaleString(locale()))),
    ),
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
    return groupMeans(d, p, here?.groups ?? [], elsewhere?.groups ?? []);
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

/**
 * Where each group put the slider on average, here and elsewhere: per group two dots on a line from 0 to 100 (HTML,
 * readable on a phone), with the means in numbers beside them.
 */
function groupMeans(
  d: Definition,
  p: PatternComparison,
  here: GroupStats[],
  elsewhere: GroupStats[],
): HTMLElement {
  const [slider, by] = p.questions;
  const categories: string[] = [];
  for (const g of [...here, ...elsewhere]) {
    const c = g.category ?? '';
    if (g.n !== 0 && !categories.includes(c)) categories.push(c);
  }
  const mean = (groups: GroupStats[], c: string, label: string) => {
    const g = groups.find((x) => (x.category ?? '') === c);
    const value = g && g.mean != null && Number.isFinite(g.mean) ? g.mean : null;
    return h(
      'li',
      {},
      h('span', { class: 'cmp-name' }, label),
      h(
        'span',
        { class: 'cmp-track', 'aria-hidden': 'true' },
        value === null ? null : placed('cmp-dot', value),
      ),
      h(
        'span',
        { class: 'cmp-value' },
        value === null
          ? w('comparison.tooFew')
          : w('comparison.mean', { value: formatNumber(value, 0), count: formatCount(g?.n ?? null) }),
      ),
    );
  };
  const title = w('comparison.groupMeans', { slider: variableLabel(d, slider), by: variableLabel(d, by) });
  return h(
    'figure',
    { class: 'cmp-figure' },
    h('figcaption', {}, title),
    ...categories.map((c) =>
      h(
        'div',
        { class: 'cmp-group' },
        h('p', { class: 'cmp-group-name' }, categoryLabel(d, by, c)),
        h(
          'ul',
          { class: 'cmp-rows' },
          mean(here, c, w('comparison.here')),
          mean(elsewhere, c, w('comparison.elsewhere')),
        ),
      ),
    ),
    h('p', { class: 'cmp-axis', 'aria-hidden': 'true' }, h('span', {}, '0'), h('span', {}, '100')),
  );
}

/**
 * "Maak een kaart": a card of the pattern as it is in the focus. The focus is evaluated as a pattern evaluation of its
 * own (the same settings; across the module when the comparison was), the card is made from that run's pattern at this
 * story point, and its drafted observation starts with what the comparison found, in words, for the facilitator to
 * edit. The card's provenance is that evaluation.
 */
function cardMaker(
  ctx: Ctx,
  d: Definition,
  run: ComparisonRun,
  p: PatternComparison,
  id: string,
): HTMLElement {
  const slug = ctx.params.slug;
  const status = h('p', { class: 'status-line', role: 'status', id: `card-status-${id}` });
  const button = h(
    'button',
    { type: 'button', class: 'button small secondary make-comparison-card', 'data-pattern': p.key },
    w('comparison.makeCard'),
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    status.textContent = w('comparison.makingCard');
    void (async () => {
      try {
        const r = run.request;
        const focus = r.focus;
        const request: EvaluationRequest = r.module
          ? { module: r.module, storyPoints: focus.storyPoints, filter: focus.filter, settings: r.settings }
          : { storyPoint: slug, filter: focus.filter, settings: r.settings };
        let evaluation = await api.startEvaluation(request);
        while (evaluation.status === 'queued' || evaluation.status === 'running') {
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          evaluation = await api.evaluation(evaluation.id);
        }
        if (evaluation.status !== 'done') {
          throw new Error(w('comparison.status.failed'));
        }
        const card = await api.createCard(evaluation.id, p.key, slug);
        const sides = describeSides(d, run, slug);
        const found = w(`comparison.card.${p.verdict}`, { here: sides.here, elsewhere: sides.elsewhere });
        await api.saveCard(card.id, { version: card.version, observation: `${found} ${card.observation}` });
        // the card is made even when the user went elsewhere meanwhile (they asked for it; it is in the card list),
        // but only a user still on this page is taken to it
        if (ctx.alive()) ctx.go(cardAddress(slug, card.id));
      } catch (e) {
        button.disabled = false;
        status.textContent = problemText(e);
      }
    })();
  });
  return h('div', { class: 'actions' }, button, status);
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
