import { describe, expect, it } from 'vitest';
import { labelStep, lineChart, runs, type LineChartSpec } from './monitorchart';
import { formatValue, periodLabel } from './views/monitor';

const spec = (width: number, periods: number): LineChartSpec => ({
  title: 'Aandeel verhalen met 70 of hoger',
  description: 'Lijn over de periodes',
  shares: true,
  width,
  series: [
    {
      label: 'Twente',
      points: Array.from({ length: periods }, (_, i) => ({
        label: `2025 K${(i % 4) + 1}`,
        ...(i === 2 ? {} : { value: 0.5, low: 0.4, high: 0.6 }),
      })),
    },
  ],
});

describe('monitoring chart', () => {
  it('leaves a gap where a period has no value', () => {
    expect(runs(spec(600, 6).series[0].points)).toEqual([
      [0, 1],
      [3, 4, 5],
    ]);
  });

  it('shows fewer period labels when they would overlap', () => {
    expect(labelStep(4, 800, 7)).toBe(1);
    expect(labelStep(24, 290, 9)).toBeGreaterThan(3);
  });

  it('draws at the width it gets with an accessible name, and draws no line through a gap', () => {
    const svg = lineChart(spec(343, 6), 'm1');
    expect(svg.getAttribute('width')).toBe('343');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('m1-title m1-desc');
    expect(svg.querySelector('title')?.textContent).toBe('Aandeel verhalen met 70 of hoger');
    expect(svg.querySelectorAll('polyline')).toHaveLength(2);
    expect(svg.querySelectorAll('polygon')).toHaveLength(2);
    expect(svg.querySelectorAll('circle')).toHaveLength(5);
  });

  it('keeps every period label inside the drawing', () => {
    for (const width of [280, 343, 1200]) {
      const svg = lineChart(spec(width, 20), 'm2');
      const labels = [...svg.querySelectorAll('text')].filter((t) => t.textContent?.startsWith('2025'));
      expect(labels.length).toBeGreaterThan(1);
      for (const t of labels) {
        const half = ((t.textContent ?? '').length * 13 * 0.62) / 2;
        const x = Number(t.getAttribute('x'));
        expect(x - half).toBeGreaterThanOrEqual(0);
        expect(x + half).toBeLessThanOrEqual(width);
      }
    }
  });
});

describe('monitoring numbers in words', () => {
  it('reads quarters, months, shares and medians', () => {
    expect(periodLabel({ period: '2025-Q3', start: '2025-07-01' }, 'quarter')).toBe('2025 K3');
    expect(periodLabel({ period: '2025-03', start: '2025-03-01' }, 'month')).toMatch(/mrt.*2025/);
    expect(formatValue(0.625, true)).toBe('63%');
    expect(formatValue(55.5, false)).toBe('55,5');
    expect(formatValue(55, false)).toBe('55');
    expect(formatValue(undefined, true)).toBe('–');
  });
});
