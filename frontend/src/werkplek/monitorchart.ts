// The monitoring line chart: one line per group over the periods, its 95% interval as a band, drawn as SVG at the
// width it gets (text stays at its real size: 13 px), with a title and description for screen readers. Periods
// without a value (too few stories) leave a gap. The numbers are also in a table beside it (views/monitor.ts).

const SVG = 'http://www.w3.org/2000/svg';

export interface LinePoint {
  /** The period as people read it on the axis: "2025 K1", "jan. 2025". */
  label: string;
  value?: number;
  low?: number;
  high?: number;
}

export interface LineSeries {
  label: string;
  points: LinePoint[];
}

export interface LineChartSpec {
  title: string;
  description: string;
  /** Values are shares 0..1 (drawn as percent) or slider values 0..100. */
  shares: boolean;
  series: LineSeries[];
  width: number;
}

/** Line colours: blue and a dark orange, both at least 4.5:1 against white; the second line is dashed too. */
export const LINE_COLOURS = ['#1c4fa0', '#a34a00'];
export const FONT_SIZE = 13;
const MARGIN = { left: 52, right: 40, top: 14, bottom: 44 };

function el<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) {
    node.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Which period labels fit: every n-th, so that labels of about this many characters never overlap. */
export function labelStep(periods: number, plotWidth: number, longest: number): number {
  if (periods <= 1) {
    return 1;
  }
  const needed = longest * FONT_SIZE * 0.62 + 12;
  const spacing = plotWidth / (periods - 1);
  return Math.max(1, Math.ceil(needed / spacing));
}

/** Runs of consecutive points that have a value: each becomes one line and one band. */
export function runs(points: LinePoint[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  points.forEach((p, i) => {
    if (p.value === undefined || p.value === null) {
      if (current.length) out.push(current);
      current = [];
    } else {
      current.push(i);
    }
  });
  if (current.length) out.push(current);
  return out;
}

export function lineChart(spec: LineChartSpec, id: string): SVGSVGElement {
  const width = Math.max(280, Math.round(spec.width));
  const height = width < 520 ? 240 : 300;
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const periods = spec.series[0]?.points.map((p) => p.label) ?? [];
  const x = (i: number) =>
    MARGIN.left + (periods.length <= 1 ? plotWidth / 2 : (plotWidth * i) / (periods.length - 1));
  const top = spec.shares ? 1 : 100;
  const y = (v: number) => MARGIN.top + plotHeight * (1 - v / top);
  const svg = el('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'monitor-svg',
    'font-size': FONT_SIZE,
  });
  svg.append(
    el('title', { id: `${id}-title` }, spec.title),
    el('desc', { id: `${id}-desc` }, spec.description),
  );
  // the grid and the value axis
  for (let t = 0; t <= 4; t++) {
    const v = (top * t) / 4;
    svg.append(
      el('line', {
        x1: MARGIN.left,
        x2: width - MARGIN.right,
        y1: y(v),
        y2: y(v),
        stroke: t === 0 ? '#4b5563' : '#d9dde3',
        'stroke-width': 1,
      }),
      el(
        'text',
        { x: MARGIN.left - 8, y: y(v) + 4, 'text-anchor': 'end', fill: '#374151' },
        spec.shares ? `${t * 25}%` : String(t * 25),
      ),
    );
  }
  // the period axis: as many labels as fit
  const step = labelStep(periods.length, plotWidth, Math.max(0, ...periods.map((p) => p.length)));
  periods.forEach((label, i) => {
    if (i % step === 0) {
      svg.append(
        el('line', { x1: x(i), x2: x(i), y1: y(0), y2: y(0) + 5, stroke: '#4b5563' }),
        el('text', { x: x(i), y: y(0) + 20, 'text-anchor': 'middle', fill: '#374151' }, label),
      );
    }
  });
  spec.series.forEach((series, s) => {
    const colour = LINE_COLOURS[s % LINE_COLOURS.length];
    const group = el('g', { 'aria-hidden': 'true' });
    for (const run of runs(series.points)) {
      const upper = run.map((i) => `${x(i)},${y(series.points[i].high ?? series.points[i].value ?? 0)}`);
      const lower = run
        .slice()
        .reverse()
        .map((i) => `${x(i)},${y(series.points[i].low ?? series.points[i].value ?? 0)}`);
      if (run.length > 1) {
        group.append(
          el('polygon', { points: [...upper, ...lower].join(' '), fill: colour, 'fill-opacity': 0.16 }),
          el('polyline', {
            points: run.map((i) => `${x(i)},${y(series.points[i].value ?? 0)}`).join(' '),
            fill: 'none',
            stroke: colour,
            'stroke-width': 2.5,
            'stroke-dasharray': s === 1 ? '7 4' : 'none',
          }),
        );
      } else {
        const p = series.points[run[0]];
        group.append(
          el('line', {
            x1: x(run[0]),
            x2: x(run[0]),
            y1: y(p.low ?? p.value ?? 0),
            y2: y(p.high ?? p.value ?? 0),
            stroke: colour,
            'stroke-opacity': 0.5,
            'stroke-width': 6,
          }),
        );
      }
      for (const i of run) {
        group.append(
          el('circle', {
            cx: x(i),
            cy: y(series.points[i].value ?? 0),
            r: 4,
            fill: s === 1 ? '#ffffff' : colour,
            stroke: colour,
            'stroke-width': 2,
          }),
        );
      }
    }
    svg.append(group);
  });
  return svg;
}
