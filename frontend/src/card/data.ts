// The numbers of an observation card in words and tables: the key numbers, and the text alternative of its
// chart (the group statistics of a slider by groups, the contingency table with the cells that stand out,
// or the joint counts of two sliders). Labels come from the card itself, so this works without the story
// point's definition (the table page has none).
import { h } from '../form/dom';
import { currentLanguage } from '../lang';
import type { Count, GroupStats, Pattern } from '../werkplek/model';
import { c, hasText, type CKey } from './texts';
import type { QuestionInfo } from './types';

/** Adjusted residuals from this size on mark a cell as standing out (about p < 0.05 for one cell). */
const STANDS_OUT = 2;

function locale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'nl-NL';
}

export function formatValue(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatCountValue(count: Count | null | undefined): string {
  if (count === null || count === undefined) return '–';
  return typeof count === 'number' ? count.toLocaleString(locale()) : count;
}

function formatQ(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value < 0.001
    ? `< ${(0.001).toLocaleString(locale())}`
    : value.toLocaleString(locale(), { maximumFractionDigits: 3 });
}

/** "8. Gehoord voelen": a variable of the pattern with its number, as on the card. */
export function variableName(questions: QuestionInfo[], variable: string): string {
  const q = questions.find((x) => x.variable === variable);
  if (!q) return variable === 'role' ? c('card.role') : variable;
  return q.number === null || q.number === undefined ? q.label : `${q.number}. ${q.label}`;
}

function translated(prefix: string, name: string): string {
  const key = `${prefix}.${name}`;
  return hasText(key) ? c(key) : name;
}

/** The few numbers that say how strong the pattern is. */
export function keyNumbers(p: Pattern): HTMLElement {
  return h(
    'dl',
    { class: 'key-numbers' },
    h('dt', {}, c('card.stories')),
    h('dd', {}, formatCountValue(p.n)),
    h('dt', {}, c('card.effect')),
    h('dd', {}, `${translated('effect', p.effectSize.name)} = ${formatValue(p.effectSize.value, 2)}`),
    h('dt', {}, c('card.test')),
    h('dd', {}, translated('test', p.test)),
    h('dt', {}, c('card.q')),
    h('dd', {}, formatQ(p.q)),
  );
}

/** One sentence for the chart's alt text: what it shows; the numbers follow in a table. */
export function chartAlt(p: Pattern, questions: QuestionInfo[]): string {
  const [first, second] = p.questions;
  const key: CKey = p.ternary
    ? 'card.chartTriad'
    : p.groups
      ? 'card.chartGroups'
      : p.table
        ? 'card.chartTable'
        : 'card.chartJoint';
  return c(key, { first: variableName(questions, first), second: variableName(questions, second) });
}

/** The chart as an image with its text alternative; the image is left out if it cannot be loaded. */
export function chartFigure(
  src: string,
  p: Pattern,
  questions: QuestionInfo[],
  idPrefix: string,
): HTMLElement {
  const img = h('img', {
    src,
    alt: chartAlt(p, questions),
    class: 'card-chart',
    loading: 'lazy',
    decoding: 'async',
  });
  img.addEventListener('error', () => {
    img.hidden = true;
  });
  return h('figure', { class: 'card-figure' }, img, h('figcaption', {}, dataTables(p, questions, idPrefix)));
}

/** The numbers behind the chart, as tables (the chart's text alternative). */
export function dataTables(p: Pattern, questions: QuestionInfo[], idPrefix: string): HTMLElement {
  const [first, second] = p.questions;
  if (p.ternary && p.groups) {
    return triadTable(p, questions, idPrefix);
  }
  if (p.groups && p.groups.length > 0) {
    return groupTable(p.groups, questions, first, second, p.kind === 'subset', idPrefix);
  }
  if (p.table) {
    return contingencyTable(p, questions, idPrefix);
  }
  if (p.joint) {
    return jointTable(p, questions, idPrefix);
  }
  return h('p', {}, c('card.noNumbers'));
}

function poles(questions: QuestionInfo[], variable: string): HTMLElement | null {
  const q = questions.find((x) => x.variable === variable);
  return q && q.left && q.right
    ? h('p', { class: 'hint' }, c('card.poles', { left: q.left, right: q.right }))
    : null;
}

function scroll(id: string, table: HTMLElement): HTMLElement {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': id }, table);
}

/**
 * The rows of a group table as shown: name, n, mean, median, standard deviation, skewness and kurtosis;
 * a group without stories is left out, a suppressed size is shown as it is ("<5").
 */
export function groupRows(groups: GroupStats[]): string[][] {
  return groups
    .filter((g) => g.n !== 0)
    .map((g) => [
      g.label ?? g.category ?? '',
      formatCountValue(g.n),
      formatValue(g.mean),
      formatValue(g.median),
      formatValue(g.sd),
      formatValue(g.skewness, 2),
      formatValue(g.kurtosis, 2),
    ]);
}

/** A triad by groups: per group its stories and the centre of its dots, in percent per corner. */
function triadTable(p: Pattern, questions: QuestionInfo[], idPrefix: string): HTMLElement {
  const id = `${idPrefix}-triad`;
  const [triad, by] = p.questions;
  const corners = p.ternary?.corners ?? [];
  return h(
    'div',
    { class: 'card-data' },
    h(
      'p',
      { class: 'data-caption', id },
      c('card.triadCaption', { triad: variableName(questions, triad), by: variableName(questions, by) }),
    ),
    scroll(
      id,
      h(
        'table',
        { class: 'data card-numbers' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, c('card.group')),
            h('th', { scope: 'col', class: 'num' }, 'n'),
            ...corners.map((corner) => h('th', { scope: 'col', class: 'num' }, `% ${corner}`)),
          ),
        ),
        h(
          'tbody',
          {},
          ...(p.groups ?? [])
            .filter((g) => g.n !== 0)
            .map((g) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, g.label ?? g.category ?? ''),
                h('td', { class: 'num' }, formatCountValue(g.n)),
                ...[0, 1, 2].map((i) => h('td', { class: 'num' }, formatValue(g.meanShares?.[i] ?? null, 0))),
              ),
            ),
        ),
      ),
    ),
  );
}

/** Whether a cell stands out with more or fewer stories than expected (adjusted residual of 2 or more). */
export function cellMark(residual: number | undefined): 'more' | 'fewer' | null {
  const r = residual ?? 0;
  return r >= STANDS_OUT ? 'more' : r <= -STANDS_OUT ? 'fewer' : null;
}

function groupTable(
  groups: GroupStats[],
  questions: QuestionInfo[],
  slider: string,
  by: string,
  subset: boolean,
  idPrefix: string,
): HTMLElement {
  const id = `${idPrefix}-groups`;
  const caption = subset
    ? c('card.groupsSubset', { slider: variableName(questions, slider) })
    : c('card.groupsCaption', { slider: variableName(questions, slider), by: variableName(questions, by) });
  return h(
    'div',
    { class: 'card-data' },
    h('p', { class: 'data-caption', id }, caption),
    poles(questions, slider),
    scroll(
      id,
      h(
        'table',
        { class: 'data card-numbers' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, c('card.group')),
            h('th', { scope: 'col', class: 'num' }, 'n'),
            h('th', { scope: 'col', class: 'num' }, c('card.mean')),
            h('th', { scope: 'col', class: 'num' }, c('card.median')),
            h('th', { scope: 'col', class: 'num' }, c('card.sd')),
            h('th', { scope: 'col', class: 'num' }, c('card.skewness')),
            h('th', { scope: 'col', class: 'num' }, c('card.kurtosis')),
          ),
        ),
        h(
          'tbody',
          {},
          ...groupRows(groups).map(([name, ...numbers]) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, name),
              ...numbers.map((text) => h('td', { class: 'num' }, text)),
            ),
          ),
        ),
      ),
    ),
  );
}

function contingencyTable(p: Pattern, questions: QuestionInfo[], idPrefix: string): HTMLElement {
  const t = p.table;
  if (!t) return h('div', {});
  const id = `${idPrefix}-table`;
  const [first, second] = p.questions;
  const rowsName = p.kind === 'subset' ? c('card.subsetSides') : variableName(questions, first);
  const columnsName = p.kind === 'subset' ? variableName(questions, first) : variableName(questions, second);
  return h(
    'div',
    { class: 'card-data' },
    h('p', { class: 'data-caption', id }, c('card.tableCaption', { rows: rowsName, columns: columnsName })),
    h('p', { class: 'hint' }, c('card.tableHint')),
    scroll(
      id,
      h(
        'table',
        { class: 'data card-numbers contingency' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('td', {}),
            ...t.columnLabels.map((label, j) => h('th', { scope: 'col' }, label || t.columns[j])),
          ),
        ),
        h(
          'tbody',
          {},
          ...t.rows.map((row, i) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, t.rowLabels[i] || row),
              ...t.columns.map((_, j) => {
                const mark = cellMark(t.adjustedResiduals[i]?.[j]);
                const more = mark === 'more';
                const fewer = mark === 'fewer';
                return h(
                  'td',
                  { class: `num${more ? ' more' : fewer ? ' fewer' : ''}` },
                  formatCountValue(t.counts[i][j]),
                  more ? h('span', { class: 'cell-mark', 'aria-hidden': 'true' }, ' ▲') : null,
                  fewer ? h('span', { class: 'cell-mark', 'aria-hidden': 'true' }, ' ▼') : null,
                  more ? h('span', { class: 'visually-hidden' }, ` (${c('card.more')})`) : null,
                  fewer ? h('span', { class: 'visually-hidden' }, ` (${c('card.fewer')})`) : null,
                );
              }),
            ),
          ),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'legend' },
      h(
        'li',
        {},
        h('span', { class: 'cell-mark more', 'aria-hidden': 'true' }, '▲'),
        ` ${c('card.legendMore')}`,
      ),
      h(
        'li',
        {},
        h('span', { class: 'cell-mark fewer', 'aria-hidden': 'true' }, '▼'),
        ` ${c('card.legendFewer')}`,
      ),
    ),
  );
}

/** A slider bin's range: "0–9", ..., "90–100". */
export function binName(bin: number): string {
  return bin === 9 ? '90–100' : `${bin * 10}–${bin * 10 + 9}`;
}

function jointTable(p: Pattern, questions: QuestionInfo[], idPrefix: string): HTMLElement {
  const bins = p.joint?.bins ?? [];
  const id = `${idPrefix}-joint`;
  const [x, y] = p.questions;
  return h(
    'div',
    { class: 'card-data' },
    h(
      'p',
      { class: 'data-caption', id },
      c('card.jointCaption', { x: variableName(questions, x), y: variableName(questions, y) }),
    ),
    h('p', {}, c('card.jointSummary', { rho: formatValue(p.effectSize.value, 2), n: formatCountValue(p.n) })),
    h(
      'details',
      { class: 'joint-details' },
      h('summary', {}, c('card.jointAll')),
      scroll(
        id,
        h(
          'table',
          { class: 'data card-numbers joint' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, `${variableName(questions, x)} \\ ${variableName(questions, y)}`),
              ...Array.from({ length: 10 }, (_, j) => h('th', { scope: 'col', class: 'num' }, binName(j))),
            ),
          ),
          h(
            'tbody',
            {},
            ...bins.map((row, i) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, binName(i)),
                ...row.map((count) => h('td', { class: 'num' }, formatCountValue(count))),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
