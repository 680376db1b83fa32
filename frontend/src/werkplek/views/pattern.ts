// One pattern of an evaluation: its statistics, a chart of the kind that fits (grouped histograms for a
// slider by a choice, a table with adjusted residuals for two choices, a binned heat map for two sliders),
// the group statistics and pairwise comparisons; every group, bar and cell opens the stories behind it.
import { pick } from '../../i18n';
import { append, h } from '../../form/dom';
import type { Definition } from '../../types';
import type { Ctx } from '../app';
import { chartBlock, type Column } from '../chartblock';
import { filteredAddress, pointAddress } from '../addresses';
import { patternNotes } from '../evaluationnotes';
import { clean, narrow } from '../filter';
import {
  binLabel,
  binRange,
  categoryLabel,
  formatCount,
  formatNumber,
  formatP,
  variableLabel,
} from '../labels';
import {
  patternKey,
  type CardSummary,
  type Count,
  type GroupStats,
  type Pattern,
  type Run,
  type StoryFilter,
  type Table,
} from '../model';
import { w } from '../texts';
import { stonesField } from '../stonesfield';
import { markerIcon, ternaryPlot } from '../ternary';
import { question } from '../labels';
import { cardAction, cardsByPattern } from './cardlink';
import { keywordSection, type WordGroup } from './keywords';
import { effectLabel, kindLabel, loadRun, patternTitle, runAddress, selectButton, testLabel } from './run';

export async function patternView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  let run = await loadRun(ctx.params.id);
  if (!ctx.alive()) return;
  const side = ctx.params.side === 'deelverzameling' ? 'subset' : 'patterns';
  const list = side === 'subset' ? (run.result?.subset?.patterns ?? []) : (run.result?.patterns ?? []);
  const pattern = list.find((p) => String(p.rank) === ctx.params.rank);
  const back = h('p', {}, h('a', { href: runAddress(slug, run.id) }, w('pattern.back')));
  if (!pattern) {
    append(ctx.main, h('h1', { tabindex: -1 }, w('error.title')), h('p', {}, w('error.notFound')), back);
    return;
  }
  const title = patternTitle(d, pattern);
  ctx.title(`${title} – ${pick(d.title)}`);
  const base: StoryFilter = clean({
    ...run.request.filter,
    includeIncomplete: run.request.filter?.includeIncomplete === true,
  });
  const storiesOf = (extra: StoryFilter | null) => {
    if (extra === null) return null;
    return filteredAddress(`${pointAddress(slug)}/verhalen`, narrow(base, extra));
  };
  const go = (href: string) => ctx.go(href);
  const selectArea = h('div', { class: 'select-area' });
  const drawSelect = () => {
    if (side === 'patterns') {
      selectArea.replaceChildren(
        selectButton(
          ctx,
          run,
          pattern,
          (updated) => {
            run = updated;
            drawSelect();
          },
          w('run.selectLabel', { pattern: title }),
        ),
      );
    }
  };
  drawSelect();
  const cardArea = h('div', { class: 'card-area' });
  if (side === 'patterns') {
    const key = patternKey(pattern);
    const cards = await cardsByPattern(slug).catch(() => new Map<string, CardSummary>());
    if (!ctx.alive()) return;
    cardArea.append(cardAction(ctx, slug, run.id, key, cards.get(`${run.id}|${key}`), false));
  }

  append(
    ctx.main,
    h('h1', { tabindex: -1 }, title),
    h(
      'p',
      { class: 'meta' },
      `${w('run.rank')} ${pattern.rank} · ${kindLabel(pattern.kind)}`,
      ' ',
      pattern.strong
        ? h('span', { class: 'badge strong' }, w('pattern.strong'))
        : h('span', { class: 'badge' }, w('pattern.notStrong')),
    ),
    selectArea,
    cardArea,
    statistics(pattern),
    ...patternNotes(d, pattern).map((n) => h('p', { class: 'hint' }, n)),
  );

  const [first, second] = pattern.questions;
  if (pattern.kind === 'triad_by_choice' && pattern.ternary) {
    append(ctx.main, triadSection(d, run, pattern, storiesOf));
  } else if (
    (pattern.kind === 'slider_by_choice' || (pattern.kind === 'subset' && pattern.groups)) &&
    pattern.groups
  ) {
    const groups = pattern.groups.filter((g) => g.n !== 0);
    const filterOf = (g: GroupStats) => groupFilter(run, second, g.category ?? '');
    const label = (g: GroupStats) => categoryLabel(d, second, g.category ?? '', g.label);
    append(
      ctx.main,
      chartBlock({
        title: w('pattern.histogram', { slider: variableLabel(d, first) }),
        level: 'h2',
        categoryHeader: w('pattern.bin'),
        categories: Array.from({ length: 10 }, (_, i) => binLabel(i)),
        columns: binColumns(groups, label),
        asShares: true,
        href: (bin, column) => {
          const f = filterOf(groups[column]);
          return f === null ? null : storiesOf(narrow(f, { ranges: { [first]: binRange(bin) } }));
        },
        go,
        tableOpen: false,
      }),
    );
    append(
      ctx.main,
      groupTable(d, pattern, groups, label, (g) => {
        const f = filterOf(g);
        return f === null ? null : storiesOf(narrow(f, { ranges: { [first]: [0, 100] } }));
      }),
    );
    if (pattern.pairwise && pattern.pairwise.length > 0) {
      append(
        ctx.main,
        pairwiseTable(pattern, (c) => categoryLabel(d, second, c)),
      );
    }
    const words = wordGroups(
      run,
      base,
      second,
      groups.filter((g) => g.tested).map((g) => ({ category: g.category ?? '', label: label(g) })),
    );
    if (words.length > 0)
      append(
        ctx.main,
        keywordSection(slug, words, () => ctx.alive()),
      );
    // an axis of a stones item: where each group put the item in the field
    const field = stonesField(d, pattern, run.result?.patterns ?? []);
    if (field) {
      append(ctx.main, field);
    }
  } else if (pattern.table) {
    const table = pattern.table;
    // subset patterns name the compared question first and "subset" second; the table's rows are the sides
    const rowVariable = pattern.kind === 'subset' ? 'subset' : first;
    const columnVariable = pattern.kind === 'subset' ? first : second;
    const rowLabel = (i: number) => categoryLabel(d, rowVariable, table.rows[i], table.rowLabels[i]);
    const columnLabel = (j: number) =>
      categoryLabel(d, columnVariable, table.columns[j], table.columnLabels[j]);
    const cellFilter = (i: number, j: number) => {
      const r = groupFilter(run, rowVariable, table.rows[i]);
      const c = groupFilter(run, columnVariable, table.columns[j]);
      return r === null || c === null ? null : narrow(r, c);
    };
    append(
      ctx.main,
      chartBlock({
        title: w('pattern.shares', {
          rows: variableLabel(d, rowVariable),
          columns: variableLabel(d, columnVariable),
        }),
        level: 'h2',
        categoryHeader: variableLabel(d, columnVariable),
        categories: table.columns.map((_, j) => columnLabel(j)),
        columns: rowShareColumns(table, rowLabel),
        asShares: true,
        horizontal: true,
        href: (j, i) => storiesOf(cellFilter(i, j)),
        go,
      }),
    );
    append(
      ctx.main,
      residualTable(
        d,
        pattern,
        rowLabel,
        columnLabel,
        (i, j) => storiesOf(cellFilter(i, j)),
        rowVariable,
        columnVariable,
      ),
    );
    if (pattern.kind !== 'subset') {
      const words = wordGroups(
        run,
        base,
        rowVariable,
        table.rows.map((category, i) => ({ category, label: rowLabel(i) })),
      );
      if (words.length > 0)
        append(
          ctx.main,
          keywordSection(slug, words, () => ctx.alive()),
        );
    }
  } else if (pattern.joint) {
    append(
      ctx.main,
      jointTable(d, pattern, (i, j) =>
        storiesOf({ ranges: { [first]: binRange(i), [second]: binRange(j) } }),
      ),
    );
  }
  append(ctx.main, back);
}

/**
 * A slider's ten bins per group as chart columns, each bin as a share of the group's stories; no share
 * where the bin or the group size is a suppressed count.
 */
export function binColumns(groups: GroupStats[], label: (g: GroupStats) => string): Column[] {
  return groups.map((g) => ({
    label: label(g),
    counts: g.bins ?? [],
    shares: (g.bins ?? []).map((b) =>
      typeof b === 'number' && typeof g.n === 'number' && g.n > 0 ? b / g.n : null,
    ),
  }));
}

/**
 * A contingency table's rows as chart columns, each cell as a share of the counts of its row that are
 * numbers; no share for a suppressed cell.
 */
export function rowShareColumns(table: Table, label: (row: number) => string): Column[] {
  return table.rows.map((_, i) => {
    const total = table.counts[i].reduce<number>((sum, c) => sum + (typeof c === 'number' ? c : 0), 0);
    return {
      label: label(i),
      counts: table.counts[i],
      shares: table.counts[i].map((c) => (typeof c === 'number' && total > 0 ? c / total : null)),
    };
  });
}

/**
 * The groups of a pattern whose words can be compared: the stories of each category against the other stories of the
 * pattern, i.e. those with another of its categories (for a role or a choice question), or else all the pattern's
 * stories (the service counts a story in both groups in the focus only, so that is the rest of them).
 */
export function wordGroups(
  run: Run,
  base: StoryFilter,
  variable: string,
  categories: { category: string; label: string }[],
): WordGroup[] {
  const plainChoice = variable !== 'subset' && !variable.includes(':');
  return categories.flatMap(({ category, label }) => {
    const focus = groupFilter(run, variable, category);
    if (focus === null) return [];
    const others = categories.map((c) => c.category).filter((c) => c !== category);
    let reference: StoryFilter = base;
    if (variable === 'role' && others.length > 0) reference = narrow(base, { roles: others });
    else if (plainChoice && others.length > 0) reference = narrow(base, { answers: { [variable]: others } });
    return [{ label, focus: narrow(base, focus), reference }];
  });
}

/** The stories of one category of an evaluation variable, or null when a filter cannot express them. */
function groupFilter(run: Run, variable: string, category: string): StoryFilter | null {
  if (variable === 'role') {
    return { roles: [category] };
  }
  if (variable === 'subset') {
    return category === 'subset' && run.request.subset ? run.request.subset.filter : null;
  }
  const [question, option] = variable.split(':');
  if (option !== undefined) {
    return category === 'yes' ? { answers: { [question]: [option] } } : null;
  }
  return { answers: { [question]: [category] } };
}

function statistics(p: Pattern): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'stats-heading' },
    h('h2', { id: 'stats-heading' }, w('pattern.statistics')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, w('run.test')),
      h('dd', {}, testLabel(p.test)),
      h('dt', {}, w('run.statistic')),
      h('dd', {}, `${formatNumber(p.statistic, 3)}${dfText(p.df)}`),
      h('dt', {}, 'p'),
      h('dd', {}, formatP(p.p)),
      h('dt', {}, w('pattern.q')),
      h('dd', {}, formatP(p.q)),
      h('dt', {}, w('run.effect')),
      h('dd', {}, `${effectLabel(p.effectSize.name)} = ${formatNumber(p.effectSize.value, 3)}`),
      h('dt', {}, w('pattern.standardized')),
      h('dd', {}, formatNumber(p.standardizedEffect, 3)),
      h('dt', {}, 'n'),
      h('dd', {}, formatCount(p.n)),
      h('dt', {}, w('run.strong')),
      h('dd', {}, p.strong ? w('run.strongYes') : w('run.strongNo')),
    ),
    h('p', { class: 'hint' }, w('pattern.explain')),
  );
}

/** " (4 vrijheidsgraden)", or for Pillai's trace " (vrijheidsgraden 4 en 354)". */
function dfText(df: number | number[] | undefined | null): string {
  if (df === undefined || df === null) return '';
  if (Array.isArray(df)) return ` (${w('pattern.dfTwo', { a: String(df[0]), b: String(df[1]) })})`;
  return ` (${w('pattern.df', { df })})`;
}

/**
 * A triad by a choice: the ternary plot with each group's centre, a legend of the marks, and per group its stories
 * (a link to them), its centre in percent per corner and its count per zone.
 */
function triadSection(
  d: Definition,
  run: Run,
  p: Pattern,
  storiesOf: (extra: StoryFilter | null) => string | null,
): HTMLElement {
  const [triad, choice] = p.questions;
  const q = question(d, triad);
  const corners = [0, 1, 2].map((i) =>
    q?.corners?.[i] ? pick(q.corners[i]) : (p.ternary?.corners[i] ?? ''),
  );
  const groupLabel = (category: string, fallback?: string) => categoryLabel(d, choice, category, fallback);
  const groups = (p.groups ?? []).filter((g) => g.n !== 0);
  const tested = groups.filter((g) => g.tested !== false && g.meanShares?.length === 3);
  const zones = p.ternary?.zones ?? [];
  const plot = ternaryPlot(
    p,
    corners,
    groupLabel,
    w('pattern.ternaryLabel', { triad: variableLabel(d, triad), choice: variableLabel(d, choice) }),
  );
  const few = (p.ternary?.cells ?? []).some((c) => typeof c === 'string');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'ternary-heading' },
    h('h2', { id: 'ternary-heading' }, w('pattern.ternary')),
    h(
      'p',
      { class: 'hint' },
      w('pattern.ternaryHint', {
        corner: String(p.zoneRule?.cornerShare ?? 60),
        edge: String(p.zoneRule?.edgeShare ?? 20),
      }),
      few ? ` ${w('pattern.ternaryFew', { k: String(run.result?.suppressionThreshold ?? 5) })}` : '',
    ),
    h('div', { class: 'ternary-plot' }, plot),
    h(
      'ul',
      { class: 'ternary-legend' },
      ...tested.map((g, i) =>
        h(
          'li',
          {},
          markerIcon(i),
          ` ${i + 1} ${groupLabel(g.category ?? '', g.label)} (${formatCount(g.n)})`,
        ),
      ),
    ),
    h('h3', { id: 'triad-groups-heading' }, w('pattern.triadGroups')),
    h('p', { class: 'hint' }, w('pattern.triadGroupsHint')),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'triad-groups-heading' },
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, w('pattern.group')),
            h('th', { scope: 'col', class: 'num' }, 'n'),
            ...corners.map((c) => h('th', { scope: 'col', class: 'num' }, `% ${c}`)),
            ...zones.map((z) =>
              h('th', { scope: 'col', class: 'num' }, categoryLabel(d, `${triad}:zone`, z)),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...groups.map((g) => {
            const mark = tested.indexOf(g);
            const name = groupLabel(g.category ?? '', g.label);
            return h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                mark >= 0 ? markerIcon(mark) : '',
                mark >= 0 ? ` ${mark + 1} ${name}` : ` ${name}`,
              ),
              h(
                'td',
                { class: 'num' },
                countLink(
                  formatCount(g.n),
                  storiesOf(groupFilter(run, choice, g.category ?? '')),
                  w('chart.storiesOf', { count: formatCount(g.n), what: name }),
                ),
              ),
              ...[0, 1, 2].map((i) => h('td', { class: 'num' }, formatNumber(g.meanShares?.[i] ?? null, 0))),
              ...zones.map((_, z) => h('td', { class: 'num' }, formatCount(g.zones?.[z]))),
            );
          }),
        ),
      ),
    ),
  );
}

function countLink(text: string, href: string | null, label: string): HTMLElement | string {
  return href ? h('a', { href, class: 'count-link', 'aria-label': label }, text) : text;
}

function groupTable(
  d: Definition,
  p: Pattern,
  groups: GroupStats[],
  label: (g: GroupStats) => string,
  href: (g: GroupStats) => string | null,
): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'groups-heading' },
    h('h2', { id: 'groups-heading' }, w('pattern.groups', { slider: variableLabel(d, p.questions[0]) })),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'groups-heading' },
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, w('pattern.group')),
            h('th', { scope: 'col', class: 'num' }, 'n'),
            ...['mean', 'median', 'sd', 'skewness', 'kurtosis'].map((k) =>
              h('th', { scope: 'col', class: 'num' }, w(`stat.${k}` as 'stat.mean')),
            ),
            h('th', { scope: 'col' }, w('pattern.tested')),
          ),
        ),
        h(
          'tbody',
          {},
          ...groups.map((g) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, label(g)),
              h(
                'td',
                { class: 'num' },
                countLink(
                  formatCount(g.n),
                  href(g),
                  w('chart.storiesOf', { count: formatCount(g.n), what: label(g) }),
                ),
              ),
              h('td', { class: 'num' }, formatNumber(g.mean, 1)),
              h('td', { class: 'num' }, formatNumber(g.median, 1)),
              h('td', { class: 'num' }, formatNumber(g.sd, 1)),
              h('td', { class: 'num' }, formatNumber(g.skewness, 2)),
              h('td', { class: 'num' }, formatNumber(g.kurtosis, 2)),
              h('td', {}, g.tested ? w('run.strongYes') : w('pattern.leftOut')),
            ),
          ),
        ),
      ),
    ),
  );
}

function pairwiseTable(p: Pattern, label: (category: string) => string): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'pairwise-heading' },
    h('h2', { id: 'pairwise-heading' }, w('pattern.pairwise')),
    h('p', { class: 'hint' }, w('pattern.pairwiseHint')),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'pairwise-heading' },
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, w('pattern.pair')),
            h('th', { scope: 'col', class: 'num' }, 'U'),
            h('th', { scope: 'col', class: 'num' }, 'z'),
            h('th', { scope: 'col', class: 'num' }, 'p'),
            h('th', { scope: 'col', class: 'num' }, w('pattern.pHolm')),
            h('th', { scope: 'col', class: 'num' }, w('effect.rank-biserial')),
          ),
        ),
        h(
          'tbody',
          {},
          ...(p.pairwise ?? []).map((c) =>
            h(
              'tr',
              { class: (c.pHolm ?? 1) <= 0.05 ? 'strong' : null },
              h('th', { scope: 'row' }, `${label(c.a)} – ${label(c.b)}`),
              h('td', { class: 'num' }, formatNumber(c.u, 1)),
              h('td', { class: 'num' }, formatNumber(c.z, 2)),
              h('td', { class: 'num' }, formatP(c.p)),
              h('td', { class: 'num' }, formatP(c.pHolm)),
              h('td', { class: 'num' }, formatNumber(c.rankBiserial, 2)),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The residual's class: blue for more than expected, orange for fewer, stronger with |r|. */
function residualClass(r: number): string {
  const size = Math.abs(r) >= 3 ? 3 : Math.abs(r) >= 2 ? 2 : Math.abs(r) >= 1 ? 1 : 0;
  return size === 0 ? 'res-0' : `res-${r > 0 ? 'pos' : 'neg'}-${size}`;
}

function residualTable(
  d: Definition,
  p: Pattern,
  rowLabel: (i: number) => string,
  columnLabel: (j: number) => string,
  href: (i: number, j: number) => string | null,
  rowVariable: string,
  columnVariable: string,
): HTMLElement {
  const t = p.table;
  if (!t) return h('div', {});
  return h(
    'section',
    { 'aria-labelledby': 'residuals-heading' },
    h('h2', { id: 'residuals-heading' }, w('pattern.residuals')),
    h('p', { class: 'hint' }, w('pattern.residualsHint')),
    legend(),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'residuals-heading' },
      h(
        'table',
        { class: 'data heat' },
        h(
          'caption',
          { class: 'visually-hidden' },
          `${variableLabel(d, rowVariable)} × ${variableLabel(d, columnVariable)}`,
        ),
        h(
          'thead',
          {},
          h('tr', {}, h('td', {}), ...t.columns.map((_, j) => h('th', { scope: 'col' }, columnLabel(j)))),
        ),
        h(
          'tbody',
          {},
          ...t.rows.map((_, i) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, rowLabel(i)),
              ...t.columns.map((__, j) => {
                const r = t.adjustedResiduals[i]?.[j] ?? 0;
                const count = t.counts[i][j];
                return h(
                  'td',
                  { class: `num ${residualClass(r)}` },
                  countLink(
                    formatCount(count),
                    count === 0 ? null : href(i, j),
                    w('pattern.cellStories', {
                      count: formatCount(count),
                      row: rowLabel(i),
                      column: columnLabel(j),
                    }),
                  ),
                  h(
                    'span',
                    { class: 'residual' },
                    ` (${r > 0 ? '+' : r < 0 ? '−' : ''}${formatNumber(Math.abs(r), 1)})`,
                  ),
                );
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': w('pattern.legend') },
    h('li', {}, h('span', { class: 'swatch res-pos-3' }), w('pattern.legendMore')),
    h('li', {}, h('span', { class: 'swatch res-neg-3' }), w('pattern.legendFewer')),
    h('li', {}, h('span', { class: 'swatch res-0' }), w('pattern.legendAsExpected')),
  );
}

function heatClass(count: Count, max: number): string {
  if (typeof count !== 'number' || count === 0 || max === 0) return 'heat-0';
  return `heat-${Math.min(5, Math.max(1, Math.ceil((count / max) * 5)))}`;
}

function jointTable(d: Definition, p: Pattern, href: (i: number, j: number) => string | null): HTMLElement {
  const bins = p.joint?.bins ?? [];
  const max = Math.max(0, ...bins.flat().map((c) => (typeof c === 'number' ? c : 0)));
  const [x, y] = p.questions;
  return h(
    'section',
    { 'aria-labelledby': 'joint-heading' },
    h('h2', { id: 'joint-heading' }, w('pattern.joint')),
    h('p', { class: 'hint' }, w('pattern.jointHint', { x: variableLabel(d, x), y: variableLabel(d, y) })),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'joint-heading' },
      h(
        'table',
        { class: 'data heat joint' },
        h('caption', {}, w('pattern.jointCaption', { x: variableLabel(d, x), y: variableLabel(d, y) })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('td', {}),
            ...Array.from({ length: 10 }, (_, j) => h('th', { scope: 'col' }, binLabel(j))),
          ),
        ),
        h(
          'tbody',
          {},
          ...bins.map((row, i) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, binLabel(i)),
              ...row.map((count, j) =>
                h(
                  'td',
                  { class: `num ${heatClass(count, max)}` },
                  countLink(
                    formatCount(count),
                    count === 0 ? null : href(i, j),
                    w('pattern.jointStories', { count: formatCount(count), x: binLabel(i), y: binLabel(j) }),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
