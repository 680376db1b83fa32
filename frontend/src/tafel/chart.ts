// The chart of a card in a simpler form, for narrow screens: drawn in HTML with the page's own type (never below
// 13 px), where the card's SVG chart would be scaled down until its text cannot be read. Per group of a slider
// where the group put it on average; per row of two choices a bar for each answer; two sliders in three parts each
// (low, middle, high). The exact numbers are behind the card's disclosure.
import { formatCountValue } from '../card/data';
import type { QuestionInfo } from '../card/types';
import { h } from '../form/dom';
import { currentLanguage } from '../lang';
import type { Count, Pattern } from '../werkplek/model';
import { tt } from './texts';

function locale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'nl-NL';
}

function whole(value: number): string {
  return Math.round(value).toLocaleString(locale());
}

function question(questions: QuestionInfo[], variable: string): QuestionInfo | undefined {
  return questions.find((q) => q.variable === variable);
}

function name(questions: QuestionInfo[], variable: string): string {
  const q = question(questions, variable);
  if (!q) return variable === 'role' ? tt('chart.role') : variable;
  return q.number === null || q.number === undefined ? q.label : `${q.number}. ${q.label}`;
}

/** The chart in a simpler form, labelled as one image; null when the pattern has nothing to draw. */
export function simpleChart(p: Pattern, questions: QuestionInfo[]): HTMLElement | null {
  const [first, second] = p.questions;
  if (p.groups && p.groups.length > 0) {
    return groups(p, questions, first, second);
  }
  if (p.table) {
    return table(p, questions, first, second);
  }
  if (p.joint) {
    return joint(p, questions, first, second);
  }
  return null;
}

/** Sets a style property through the CSSOM (the Content-Security-Policy refuses style attributes). */
function styled(element: HTMLElement, property: string, value: string): HTMLElement {
  element.style.setProperty(property, value);
  return element;
}

function frame(label: string, kind: string, ...children: (HTMLElement | null)[]): HTMLElement {
  return h('div', { class: `simple-chart ${kind}`, role: 'img', 'aria-label': label }, ...children);
}

function poles(q: QuestionInfo | undefined): HTMLElement | null {
  return q && q.left && q.right
    ? h(
        'p',
        { class: 'chart-poles' },
        h('span', {}, tt('chart.left', { left: q.left })),
        h('span', {}, tt('chart.right', { right: q.right })),
      )
    : null;
}

/** A slider per group: where each group put it on average, as a dot on a line from 0 to 100. */
function groups(p: Pattern, questions: QuestionInfo[], slider: string, by: string): HTMLElement {
  const label = tt('chart.groups', { slider: name(questions, slider), by: name(questions, by) });
  return frame(
    label,
    'chart-groups',
    h('p', { class: 'chart-title' }, label),
    poles(question(questions, slider)),
    h(
      'ul',
      { class: 'chart-rows' },
      ...(p.groups ?? [])
        .filter((g) => g.n !== 0)
        .map((g) => {
          const heading = tt('chart.groupName', {
            label: g.label ?? g.category ?? '',
            count: formatCountValue(g.n),
          });
          if (g.mean === null || g.mean === undefined || !Number.isFinite(g.mean)) {
            return h(
              'li',
              {},
              h('span', { class: 'chart-name' }, heading),
              h('span', { class: 'chart-value' }, tt('chart.tooFew')),
            );
          }
          const at = Math.max(0, Math.min(100, g.mean));
          return h(
            'li',
            {},
            h('span', { class: 'chart-name' }, heading),
            h('span', { class: 'chart-track' }, styled(h('span', { class: 'chart-dot' }), 'left', `${at}%`)),
            h('span', { class: 'chart-value' }, tt('chart.mean', { value: whole(g.mean) })),
          );
        }),
    ),
  );
}

function numeric(count: Count | null | undefined): number {
  return typeof count === 'number' ? count : 0;
}

/** Two choices: per row, for each answer of the other question a bar of its share of the row. */
function table(p: Pattern, questions: QuestionInfo[], first: string, second: string): HTMLElement | null {
  const t = p.table;
  if (!t) return null;
  const subset = p.kind === 'subset';
  const label = tt('chart.table', {
    first: subset ? tt('chart.subset') : name(questions, first),
    second: subset ? name(questions, first) : name(questions, second),
  });
  const marked = t.adjustedResiduals.some((row) => row.some((r) => Math.abs(r ?? 0) >= 2));
  return frame(
    label,
    'chart-table',
    h('p', { class: 'chart-title' }, label),
    marked ? h('p', { class: 'chart-legend' }, tt('chart.marks')) : null,
    ...t.rows.map((row, i) => {
      const counts = t.counts[i] ?? [];
      const total = counts.reduce<number>((sum, count) => sum + numeric(count), 0);
      return h(
        'div',
        { class: 'chart-block' },
        h(
          'p',
          { class: 'chart-block-name' },
          tt('chart.groupName', { label: t.rowLabels[i] || row, count: total.toLocaleString(locale()) }),
        ),
        h(
          'ul',
          { class: 'chart-rows' },
          ...t.columns.map((column, j) => {
            const count = counts[j];
            const share = total > 0 ? (100 * numeric(count)) / total : 0;
            const residual = t.adjustedResiduals[i]?.[j] ?? 0;
            const mark = residual >= 2 ? '▲' : residual <= -2 ? '▼' : '';
            return h(
              'li',
              { class: mark === '▲' ? 'more' : mark === '▼' ? 'fewer' : undefined },
              h('span', { class: 'chart-name' }, t.columnLabels[j] || column),
              h(
                'span',
                { class: 'chart-track bar' },
                typeof count === 'number'
                  ? styled(h('span', { class: 'chart-bar' }), 'width', `${share}%`)
                  : null,
              ),
              h(
                'span',
                { class: 'chart-value' },
                typeof count === 'number' ? `${whole(share)}%` : formatCountValue(count),
                mark ? ` ${mark}` : null,
              ),
            );
          }),
        ),
      );
    }),
  );
}

/** The bins (of ten points) in the low, middle and high part of a slider. */
const PARTS: { bins: number[]; name: () => string }[] = [
  { bins: [0, 1, 2], name: () => tt('chart.low') },
  { bins: [3, 4, 5, 6], name: () => tt('chart.middle') },
  { bins: [7, 8, 9], name: () => tt('chart.high') },
];

/** A count of stories made of shown counts: their sum, "ruim" that when small groups ("<5") add to it. */
function together(counts: (Count | null | undefined)[]): string {
  const sum = counts.reduce<number>((total, count) => total + numeric(count), 0);
  const small = counts.some((count) => typeof count === 'string');
  if (!small) return sum.toLocaleString(locale());
  return sum === 0 ? tt('chart.few') : tt('chart.over', { count: sum.toLocaleString(locale()) });
}

/** Two sliders: how many stories lie in each combination of their low, middle and high parts. */
function joint(p: Pattern, questions: QuestionInfo[], x: string, y: string): HTMLElement | null {
  const bins = p.joint?.bins;
  if (!bins) return null;
  const label = tt('chart.joint', { x: name(questions, x), y: name(questions, y) });
  const cells = PARTS.map((row) =>
    PARTS.map((column) => row.bins.flatMap((i) => column.bins.map((j) => bins[i]?.[j]))),
  );
  const max = Math.max(1, ...cells.flat().map((c) => c.reduce<number>((s, v) => s + numeric(v), 0)));
  const xq = question(questions, x);
  const yq = question(questions, y);
  return frame(
    label,
    'chart-joint',
    h('p', { class: 'chart-title' }, label),
    h('p', { class: 'chart-legend' }, tt('chart.parts')),
    h('p', { class: 'chart-axis' }, tt('chart.rowsAre', { name: name(questions, x) })),
    poles(xq),
    h('p', { class: 'chart-axis' }, tt('chart.columnsAre', { name: name(questions, y) })),
    poles(yq),
    h(
      'div',
      { class: 'chart-grid' },
      h('span', {}),
      ...PARTS.map((column) => h('span', { class: 'chart-head' }, column.name())),
      ...PARTS.flatMap((row, i) => [
        h('span', { class: 'chart-head' }, row.name()),
        ...PARTS.map((_, j) => {
          const sum = cells[i][j].reduce<number>((s, v) => s + numeric(v), 0);
          const shade = Math.round((sum / max) * 45);
          return styled(h('span', { class: 'chart-cell' }, together(cells[i][j])), '--shade', `${shade}%`);
        }),
      ]),
    ),
  );
}
