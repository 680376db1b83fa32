// A chart with its accessible alternative: a heading, the canvas (role="img" with a label in words), a
// note naming what is not charted (counts shown as "<5"), and the same numbers in a table that can be
// opened, where every count links to the stories behind it (drill-down by keyboard).
import { h, uid } from '../form/dom';
import type { Series } from './charts';
import { chartable, formatCount, locale } from './labels';
import type { Count } from './model';
import { w } from './texts';

export interface Column {
  label: string;
  counts: (Count | null)[];
  /** Shares (0..1) to chart instead of counts, e.g. to compare groups of different size. */
  shares?: (number | null)[];
}

export interface ChartSpec {
  title: string;
  /** Heading level of the title. */
  level?: 'h2' | 'h3' | 'h4';
  categories: string[];
  columns: Column[];
  horizontal?: boolean;
  /** Chart shares (percent) rather than counts. */
  asShares?: boolean;
  /** The first column's header in the table (what the categories are). */
  categoryHeader: string;
  /**
   * Extra rows after the categories (e.g. not applicable, unanswered): in the table, and with
   * {@code extraInChart} also as grey bars at the end of a one-column chart.
   */
  extraRows?: { label: string; counts: (Count | null)[]; href?: (column: number) => string | null }[];
  extraInChart?: boolean;
  /** Where the stories of a category (and column) are, or null when they cannot be listed. */
  href?: (category: number, column: number) => string | null;
  /** Follows a link (the app's navigation). */
  go?: (href: string) => void;
  tableOpen?: boolean;
}

let charts: Promise<typeof import('./charts')> | null = null;
const loadCharts = () => (charts ??= import('./charts'));

function percent(value: number): string {
  return `${Math.round(value * 100).toLocaleString(locale())}%`;
}

/**
 * What is not charted: the categories (one column), or category and column (grouped bars), whose count is
 * shown but is no number (a suppressed "<5"); with {@code extras}, also the extra rows charted.
 */
export function notCharted(spec: ChartSpec, extras = false): string[] {
  const suppressed = new Set<string>();
  const many = spec.columns.length > 1;
  spec.categories.forEach((category, i) =>
    spec.columns.forEach((c) => {
      const count = c.counts[i];
      if (count !== null && count !== undefined && !chartable(count)) {
        suppressed.add(many ? `${category} (${c.label})` : category);
      }
    }),
  );
  if (extras) {
    chartedExtras(spec).forEach((extra) => {
      const count = extra.counts[0];
      if (count !== null && count !== undefined && !chartable(count)) {
        suppressed.add(extra.label);
      }
    });
  }
  return [...suppressed];
}

/** The extra rows that are charted too: with {@code extraInChart}, in a one-column chart of counts. */
function chartedExtras(spec: ChartSpec): NonNullable<ChartSpec['extraRows']> {
  return spec.extraInChart && spec.columns.length === 1 && !spec.asShares ? (spec.extraRows ?? []) : [];
}

/**
 * The bars to draw: the categories and then the charted extra rows (grey), one series per column, with
 * counts or shares in percent (one decimal); null where a count is not charted. In a one-column chart a
 * category that is not charted says so in its name.
 */
export function barData(spec: ChartSpec): { categories: string[]; series: Series[] } {
  const many = spec.columns.length > 1;
  const extras = chartedExtras(spec);
  const suppressed = new Set(notCharted(spec, true));
  const label = (c: string) => (!many && suppressed.has(c) ? `${c} (${w('chart.notCharted')})` : c);
  return {
    categories: [...spec.categories.map(label), ...extras.map((e) => label(e.label))],
    series: spec.columns.map((c) => ({
      label: c.label,
      values: [
        ...spec.categories.map((_, i) => {
          const count = c.counts[i];
          if (!chartable(count)) return null;
          return spec.asShares
            ? (c.shares?.[i] ?? null) === null
              ? null
              : Math.round((c.shares?.[i] ?? 0) * 1000) / 10
            : count;
        }),
        ...extras.map((e) => (chartable(e.counts[0]) ? e.counts[0] : null)),
      ],
      colors:
        extras.length > 0 ? [...spec.categories.map(() => null), ...extras.map(() => '#6b7280')] : undefined,
    })),
  };
}

/** The figure; the canvas is drawn as soon as Chart.js has loaded. */
export function chartBlock(spec: ChartSpec): HTMLElement {
  const titleId = uid('chart-title');
  const Heading = spec.level ?? 'h3';
  const suppressed = notCharted(spec);
  const many = spec.columns.length > 1;
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': w('chart.label', { title: spec.title }),
  });
  const rows = spec.categories.length;
  const height = spec.horizontal
    ? Math.max(8, rows * (many ? 0.9 * spec.columns.length + 0.6 : 1.9) + 4)
    : 16;
  const box = h('div', { class: 'chart-canvas' }, canvas);
  box.style.height = `${Math.min(60, height)}rem`;
  const figure = h(
    'figure',
    { class: 'chart', 'aria-labelledby': titleId },
    h('figcaption', {}, h(Heading, { id: titleId, class: 'chart-title' }, spec.title)),
    box,
    suppressed.length > 0
      ? h('p', { class: 'hint suppressed' }, w('chart.suppressed', { list: suppressed.join(', ') }))
      : null,
    spec.href ? h('p', { class: 'hint' }, w('chart.clickHint')) : null,
    table(spec),
  );
  const extras = chartedExtras(spec);
  void loadCharts()
    .then(({ drawBars }) => {
      if (!canvas.isConnected) {
        return;
      }
      drawBars(canvas, {
        ...barData(spec),
        valueTitle: spec.asShares ? w('chart.share') : w('chart.count'),
        horizontal: spec.horizontal ?? false,
        format: (v) => (spec.asShares ? `${v.toLocaleString(locale())}%` : v.toLocaleString(locale())),
        onSelect:
          spec.href && spec.go
            ? (category, column) => {
                const target =
                  category < spec.categories.length
                    ? spec.href?.(category, column)
                    : (extras[category - spec.categories.length]?.href?.(column) ?? null);
                if (target) spec.go?.(target);
              }
            : undefined,
      });
    })
    .catch(() => {
      box.replaceChildren(h('p', { class: 'hint' }, w('chart.failed')));
    });
  return figure;
}

function link(spec: ChartSpec, text: string, href: string | null, label: string): HTMLElement | string {
  if (!href) {
    return text;
  }
  return h(
    'a',
    {
      href,
      class: 'count-link',
      'aria-label': label,
      onclick: (event: Event) => {
        if (spec.go) {
          event.preventDefault();
          spec.go(href);
        }
      },
    },
    text,
  );
}

function table(spec: ChartSpec): HTMLElement {
  const many = spec.columns.length > 1;
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, spec.categoryHeader),
    ...spec.columns.flatMap((c) =>
      many
        ? [h('th', { scope: 'col' }, c.label)]
        : [
            h('th', { scope: 'col', class: 'num' }, w('chart.count')),
            h('th', { scope: 'col', class: 'num' }, w('chart.share')),
          ],
    ),
  );
  const body = h('tbody', {});
  spec.categories.forEach((category, i) => {
    body.append(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, category),
        ...spec.columns.flatMap((c, j) => {
          const count = c.counts[i];
          const shown = formatCount(count);
          const share = c.shares?.[i];
          const hasStories = count !== null && count !== 0 && count !== undefined;
          const label = w('chart.storiesOf', {
            count: shown,
            what: many ? `${category}, ${c.label}` : category,
          });
          const cell = h(
            'td',
            { class: 'num' },
            link(spec, shown, hasStories && spec.href ? spec.href(i, j) : null, label),
          );
          if (many) {
            if (share !== undefined && share !== null) {
              cell.append(h('span', { class: 'share' }, ` (${percent(share)})`));
            }
            return [cell];
          }
          return [
            cell,
            h('td', { class: 'num' }, share === undefined || share === null ? '–' : percent(share)),
          ];
        }),
      ),
    );
  });
  for (const extra of spec.extraRows ?? []) {
    body.append(
      h(
        'tr',
        { class: 'extra' },
        h('th', { scope: 'row' }, extra.label),
        ...spec.columns.flatMap((_, j) => {
          const count = extra.counts[j];
          const shown = formatCount(count);
          const href = count !== null && count !== 0 && extra.href ? extra.href(j) : null;
          const cell = h(
            'td',
            { class: 'num' },
            link(spec, shown, href, w('chart.storiesOf', { count: shown, what: extra.label })),
          );
          return many ? [cell] : [cell, h('td', { class: 'num' }, '–')];
        }),
      ),
    );
  }
  return h(
    'details',
    { class: 'chart-table', open: spec.tableOpen ?? false },
    h('summary', {}, w('chart.showTable')),
    h(
      'div',
      {
        class: 'table-scroll',
        tabindex: 0,
        role: 'region',
        'aria-label': `${w('chart.tableOf')} ${spec.title}`,
      },
      h('table', {}, h('caption', { class: 'visually-hidden' }, spec.title), h('thead', {}, head), body),
    ),
  );
}
