// The field of a stones question on a pattern page: where each group put the item, as a point at the group's mean
// across and up, with the four poles around the field. A pattern tests one axis of the item; the other axis comes
// from the run's pattern of the same item's other axis with the same groups (every slider is tested against every
// choice). A table below says the same in numbers, for screen readers and for reading exactly.
import { pick } from '../i18n';
import { h } from '../form/dom';
import type { Definition, Question } from '../types';
import { PALETTE } from './charts';
import { categoryLabel, formatCount, formatNumber, question } from './labels';
import type { GroupStats, Pattern } from './model';
import { w } from './texts';

const SVG = 'http://www.w3.org/2000/svg';
/** The field's side in the drawing, and the room around it. */
const SIDE = 300;
const MARGIN = 12;

/** The stones question, item and axis a variable ("steun:familie:y") names, if it names one. */
export function stonesAxis(
  d: Definition,
  variable: string,
): { question: Question; item: string; axis: 'x' | 'y' } | null {
  const [id, item, axis] = variable.split(':');
  const q = question(d, id);
  if (!q || q.type !== 'stones' || (axis !== 'x' && axis !== 'y') || !q.items?.some((i) => i.id === item)) {
    return null;
  }
  return { question: q, item, axis };
}

/** A group's point: its label, and its mean across and up. */
export interface GroupPoint {
  label: string;
  n: GroupStats['n'];
  x: number;
  y: number;
}

/**
 * The points of the groups of a slider-by-choice pattern on a stones axis, with the means of the other axis from
 * the pattern of that axis by the same choice; only groups with both means (tested, not suppressed).
 */
export function groupPoints(d: Definition, pattern: Pattern, patterns: Pattern[]): GroupPoint[] {
  const [first, second] = pattern.questions;
  const stones = stonesAxis(d, first);
  if (!stones || pattern.kind !== 'slider_by_choice' || !pattern.groups) {
    return [];
  }
  const other = `${stones.question.id}:${stones.item}:${stones.axis === 'x' ? 'y' : 'x'}`;
  const partner = patterns.find(
    (p) => p.kind === 'slider_by_choice' && p.questions[0] === other && p.questions[1] === second,
  );
  const points: GroupPoint[] = [];
  for (const g of pattern.groups) {
    const o = partner?.groups?.find((x) => x.category === g.category);
    if (typeof g.mean !== 'number' || typeof o?.mean !== 'number') {
      continue;
    }
    const [x, y] = stones.axis === 'x' ? [g.mean, o.mean] : [o.mean, g.mean];
    points.push({ label: categoryLabel(d, second, g.category ?? '', g.label), n: g.n, x, y });
  }
  return points;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => element.setAttribute(k, String(v)));
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/** The field with each group's point, or null when the pattern is on no stones axis or no group has both means. */
export function stonesField(d: Definition, pattern: Pattern, patterns: Pattern[]): HTMLElement | null {
  const stones = stonesAxis(d, pattern.questions[0]);
  const points = groupPoints(d, pattern, patterns);
  if (!stones || points.length === 0) {
    return null;
  }
  const q = stones.question;
  const item = pick(q.items?.find((i) => i.id === stones.item)?.label);
  const full = SIDE + 2 * MARGIN;
  const drawing = svg('svg', {
    viewBox: `0 0 ${full} ${full}`,
    class: 'stones-chart',
    role: 'img',
    'aria-labelledby': 'stones-field-heading',
  });
  drawing.append(
    svg('rect', { x: MARGIN, y: MARGIN, width: SIDE, height: SIDE, fill: '#f3f5f9', stroke: '#8a94a3' }),
  );
  for (const at of [0.25, 0.5, 0.75]) {
    const v = MARGIN + at * SIDE;
    const style = { stroke: at === 0.5 ? '#8a94a3' : '#d5dbe5', 'stroke-width': at === 0.5 ? 1.5 : 1 };
    drawing.append(svg('line', { x1: v, y1: MARGIN, x2: v, y2: MARGIN + SIDE, ...style }));
    drawing.append(svg('line', { x1: MARGIN, y1: v, x2: MARGIN + SIDE, y2: v, ...style }));
  }
  points.forEach((p, i) => {
    const cx = MARGIN + (p.x / 100) * SIDE;
    const cy = MARGIN + (1 - p.y / 100) * SIDE;
    const colour = PALETTE[i % PALETTE.length];
    drawing.append(svg('circle', { cx, cy, r: 13, fill: colour, stroke: '#ffffff', 'stroke-width': 2 }));
    drawing.append(
      svg(
        'text',
        {
          x: cx,
          y: cy + 5,
          'text-anchor': 'middle',
          'font-size': 15,
          'font-weight': 700,
          fill: '#ffffff',
        },
        String.fromCharCode(65 + i),
      ),
    );
  });
  const pole = (cls: string, text: string) => h('p', { class: `stones-pole ${cls}` }, text);
  return h(
    'section',
    { class: 'stones-block', 'aria-labelledby': 'stones-field-heading' },
    h(
      'h2',
      { id: 'stones-field-heading' },
      w('stones.fieldTitle', { item, question: pick(q.shortLabel) || pick(q.label) }),
    ),
    h('p', { class: 'hint' }, w('stones.fieldHint')),
    h(
      'div',
      { class: 'stones-figure' },
      pole('stones-top', `↑ ${pick(q.top)}`),
      drawing,
      pole('stones-bottom', `↓ ${pick(q.bottom)}`),
      h(
        'div',
        { class: 'stones-across' },
        h('span', {}, `← ${pick(q.left)}`),
        h('span', {}, `${pick(q.right)} →`),
      ),
    ),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'stones-legend-caption' },
      h(
        'table',
        { class: 'data stones-legend' },
        h('caption', { id: 'stones-legend-caption' }, w('stones.legendCaption', { item })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, w('stones.group')),
            h('th', { scope: 'col' }, w('stones.stories')),
            h('th', { scope: 'col' }, w('stones.across', { left: pick(q.left), right: pick(q.right) })),
            h('th', { scope: 'col' }, w('stones.up', { bottom: pick(q.bottom), top: pick(q.top) })),
          ),
        ),
        h(
          'tbody',
          {},
          ...points.map((p, i) =>
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                h(
                  'span',
                  {
                    class: 'stones-marker',
                    style: `background:${PALETTE[i % PALETTE.length]}`,
                    'aria-hidden': 'true',
                  },
                  String.fromCharCode(65 + i),
                ),
                ' ',
                p.label,
              ),
              h('td', { class: 'num' }, formatCount(p.n)),
              h('td', { class: 'num' }, formatNumber(p.x, 0)),
              h('td', { class: 'num' }, formatNumber(p.y, 0)),
            ),
          ),
        ),
      ),
    ),
  );
}
