// A ternary plot of a triad by a choice, as SVG: the tested stories counted per small triangle of a grid of ten steps
// per side (a heat map in grey: never one dot per story), the zone lines dashed, the corner labels, and each group's
// centre (closed geometric mean) as a black mark of its own shape with its number, so that no colour is needed. It
// scales to the width of the page (viewBox), with text at 13 px at 375 px wide. The card draws the same on the server
// (card/render/TernaryPlot.java).
import type { Count, Pattern } from './model';

const NS = 'http://www.w3.org/2000/svg';
const SIDE = 300;
const HEIGHT = (SIDE * Math.sqrt(3)) / 2;
const LEFT = 20;
const TOP = 36;
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'ring', 'open-square'] as const;

/** The point of an answer with shares a (top) and b (bottom left), in percent. */
export function point(a: number, b: number): [number, number] {
  const c = 100 - a - b;
  return [LEFT + (c * SIDE + (a * SIDE) / 2) / 100, TOP + HEIGHT - (a * HEIGHT) / 100];
}

/** The grid corners (in tens of percentage points of a and b) of a cell, by the index the result uses. */
export function cellCorners(index: number): [number, number][] {
  const up = index < 55;
  let rest = up ? index : index - 55;
  const width = up ? 10 : 9;
  let i = 0;
  while (rest >= width - i) {
    rest -= width - i;
    i++;
  }
  const j = rest;
  return up
    ? [
        [i, j],
        [i + 1, j],
        [i, j + 1],
      ]
    : [
        [i + 1, j],
        [i, j + 1],
        [i + 1, j + 1],
      ];
}

function el(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attributes)) {
    e.setAttribute(k, String(v));
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

function pathOf(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join('') + 'Z';
}

/** The mark of group {@code index}: black, or white with a black outline, always with a white edge. */
export function marker(index: number, x: number, y: number, r: number): SVGElement[] {
  const shape = SHAPES[index % SHAPES.length];
  let d: string;
  if (shape === 'square' || shape === 'open-square') {
    d = `M${x - r} ${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
  } else if (shape === 'triangle') {
    d = `M${x} ${y - 1.2 * r}L${x + 1.1 * r} ${y + 0.8 * r}L${x - 1.1 * r} ${y + 0.8 * r}Z`;
  } else if (shape === 'diamond') {
    d = `M${x} ${y - 1.3 * r}L${x + 1.3 * r} ${y}L${x} ${y + 1.3 * r}L${x - 1.3 * r} ${y}Z`;
  } else {
    d = `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  }
  const open = shape === 'ring' || shape === 'open-square';
  return [
    el('path', { d, fill: 'none', stroke: '#ffffff', 'stroke-width': 4 }),
    el('path', { d, fill: open ? '#ffffff' : '#000000', stroke: '#000000', 'stroke-width': open ? 2 : 1 }),
  ];
}

/** A small SVG of one group's mark, for the legend and the table. */
export function markerIcon(index: number): SVGSVGElement {
  const svg = el('svg', {
    viewBox: '0 0 20 20',
    width: 20,
    height: 20,
    'aria-hidden': 'true',
  }) as SVGSVGElement;
  svg.append(...marker(index, 10, 10, 6));
  return svg;
}

/**
 * The ternary plot of a triad-by-choice pattern; {@code label} names it for screen readers, {@code corners} and
 * {@code groupLabel} give the texts in the workspace's language.
 */
export function ternaryPlot(
  p: Pattern,
  corners: string[],
  groupLabel: (category: string, fallback?: string) => string,
  label: string,
): SVGSVGElement {
  const cells: Count[] = p.ternary?.cells ?? [];
  const max = cells.reduce<number>((m, c) => (typeof c === 'number' ? Math.max(m, c) : m), 0);
  const svg = el('svg', {
    viewBox: `0 0 ${SIDE + 2 * LEFT} ${TOP + HEIGHT + 40}`,
    role: 'img',
    'aria-label': label,
    class: 'ternary',
    'font-family': 'system-ui, sans-serif',
    'font-size': 13,
  }) as SVGSVGElement;
  const rings: string[] = [];
  cells.forEach((c, index) => {
    const t = cellCorners(index).map(([i, j]) => point(i * 10, j * 10));
    const grey = typeof c === 'number' && c > 0 && max > 0 ? Math.round(238 - (c / max) * 198) : 255;
    const hex = grey.toString(16).padStart(2, '0');
    svg.append(
      el('path', { d: pathOf(t), fill: `#${hex}${hex}${hex}`, stroke: '#d0d0d0', 'stroke-width': 0.4 }),
    );
    if (typeof c === 'string') {
      const x = (t[0][0] + t[1][0] + t[2][0]) / 3;
      const y = (t[0][1] + t[1][1] + t[2][1]) / 3;
      rings.push(`M${x - 1.8} ${y}a1.8 1.8 0 1 0 3.6 0a1.8 1.8 0 1 0 -3.6 0`);
    }
  });
  if (rings.length > 0) {
    svg.append(el('path', { d: rings.join(''), fill: 'none', stroke: '#6e6e6e', 'stroke-width': 0.7 }));
  }
  const corner = p.zoneRule?.cornerShare ?? 60;
  const edge = p.zoneRule?.edgeShare ?? 20;
  const at = (k: number, share: number, next: number): [number, number] => {
    const s = [0, 0, 0];
    s[k] = share;
    s[(k + 1) % 3] = next;
    s[(k + 2) % 3] = 100 - share - next;
    return point(s[0], s[1]);
  };
  const lines: string[] = [];
  for (let k = 0; k < 3; k++) {
    const [a, b] = [at(k, corner, 100 - corner), at(k, corner, 0)];
    lines.push(`M${a[0]} ${a[1]}L${b[0]} ${b[1]}`);
    if (edge > 0) {
      const [c, d] = [at(k, edge, corner), at(k, edge, 100 - edge - corner)];
      lines.push(`M${c[0]} ${c[1]}L${d[0]} ${d[1]}`);
    }
  }
  svg.append(
    el('path', {
      d: lines.join(''),
      fill: 'none',
      stroke: '#000000',
      'stroke-width': 0.8,
      'stroke-dasharray': '4 3',
    }),
    el('path', { d: pathOf([point(100, 0), point(0, 100), point(0, 0)]), fill: 'none', stroke: '#000000' }),
  );
  const [top, bottomLeft, bottomRight] = [point(100, 0), point(0, 100), point(0, 0)];
  svg.append(
    el('text', { x: top[0], y: top[1] - 10, 'text-anchor': 'middle', 'font-weight': 'bold' }, corners[0]),
    el('text', { x: bottomLeft[0] - 10, y: bottomLeft[1] + 22, 'font-weight': 'bold' }, corners[1]),
    el(
      'text',
      { x: bottomRight[0] + 10, y: bottomRight[1] + 22, 'text-anchor': 'end', 'font-weight': 'bold' },
      corners[2],
    ),
  );
  let index = 0;
  for (const g of p.groups ?? []) {
    if (g.tested === false || g.meanShares?.length !== 3) continue;
    const [x, y] = point(g.meanShares[0], g.meanShares[1]);
    const mark = marker(index, x, y, 7);
    const title = el('title', {}, groupLabel(g.category ?? '', g.label));
    mark[1].append(title);
    svg.append(
      ...mark,
      el(
        'text',
        { x: x + 9, y: y - 7, fill: '#ffffff', stroke: '#ffffff', 'stroke-width': 3, 'font-weight': 'bold' },
        String(index + 1),
      ),
      el('text', { x: x + 9, y: y - 7, 'font-weight': 'bold' }, String(index + 1)),
    );
    index++;
  }
  return svg;
}
