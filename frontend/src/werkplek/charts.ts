// Bar charts with Chart.js, loaded only when a page shows a chart (its own chunk). Only the bar chart's
// parts are registered, so the rest of Chart.js is left out of the bundle.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Colours with at least 3:1 contrast against the white card, told apart also by the legend and table. */
export const PALETTE = [
  '#1c4fa0',
  '#b45309',
  '#047857',
  '#7c3aed',
  '#be123c',
  '#0e7490',
  '#4b5563',
  '#a16207',
  '#15803d',
  '#9d174d',
  '#1e3a8a',
];

export interface Series {
  label: string;
  /** null: not charted (a suppressed "<5" count or nothing to show). */
  values: (number | null)[];
  /** A colour per bar where it differs from the series' colour (e.g. grey for "not applicable"). */
  colors?: (string | null)[];
}

export interface BarSpec {
  categories: string[];
  series: Series[];
  valueTitle: string;
  horizontal: boolean;
  /** Formats a value for the axis and tooltip (e.g. "12" or "35%"). */
  format: (value: number) => string;
  onSelect?: (category: number, series: number) => void;
}

/**
 * Chart.js's data sets for the series: each in its own colour of the palette (round again after the
 * last), a bar with a colour of its own in that colour; null values stay null (no bar).
 */
export function datasets(series: Series[]) {
  return series.map((s, i) => ({
    label: s.label,
    data: s.values,
    backgroundColor: s.colors
      ? s.colors.map((c) => c ?? PALETTE[i % PALETTE.length])
      : PALETTE[i % PALETTE.length],
    borderColor: PALETTE[i % PALETTE.length],
    borderWidth: 0,
    maxBarThickness: 48,
  }));
}

/** Draws the chart on the canvas; returns a function that removes it. */
export function drawBars(canvas: HTMLCanvasElement, spec: BarSpec): () => void {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.categories,
      datasets: datasets(spec.series),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: '#1f2933', boxWidth: 14 } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${spec.format(Number(item.raw))}`,
          },
        },
      },
      scales: {
        [spec.horizontal ? 'x' : 'y']: {
          beginAtZero: true,
          title: { display: true, text: spec.valueTitle, color: '#374151' },
          ticks: {
            color: '#374151',
            precision: 0,
            callback: (value: string | number) => spec.format(Number(value)),
          },
          grid: { color: '#e5e7eb' },
        },
        [spec.horizontal ? 'y' : 'x']: {
          ticks: { color: '#1f2933', autoSkip: !spec.horizontal },
          grid: { display: false },
        },
      },
      onClick: (_event, elements) => {
        const hit = elements[0];
        if (hit && spec.onSelect) {
          spec.onSelect(hit.index, hit.datasetIndex);
        }
      },
      onHover: (event, elements) => {
        const target = event.native?.target as HTMLElement | undefined;
        if (target) {
          target.style.cursor = elements.length > 0 && spec.onSelect ? 'pointer' : 'default';
        }
      },
    },
  });
  // tests find the bars through the chart (the canvas itself has no elements to click)
  (canvas as HTMLCanvasElement & { vpChart?: Chart }).vpChart = chart;
  return () => chart.destroy();
}
