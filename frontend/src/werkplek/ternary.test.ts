// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cellCorners, point, ternaryPlot } from './ternary';
import type { Pattern } from './model';

describe('ternary plot', () => {
  it('puts the corners at the top, bottom left and bottom right', () => {
    const [top, left, right] = [point(100, 0), point(0, 100), point(0, 0)];
    expect(top[1]).toBeLessThan(left[1]);
    expect(left[1]).toBeCloseTo(right[1]);
    expect(left[0]).toBeLessThan(top[0]);
    expect(top[0]).toBeLessThan(right[0]);
  });

  it('covers the triangle with 100 cells of equal area', () => {
    const area = (t: [number, number][]) => {
      const [a, b, c] = t.map(([i, j]) => point(i * 10, j * 10));
      return Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])) / 2;
    };
    const whole = area([
      [10, 0],
      [0, 10],
      [0, 0],
    ]);
    let sum = 0;
    for (let i = 0; i < 100; i++) {
      const a = area(cellCorners(i));
      expect(a).toBeCloseTo(whole / 100, 6);
      sum += a;
    }
    expect(sum).toBeCloseTo(whole, 6);
  });

  it('marks every tested group and never draws a suppressed count as a grey', () => {
    const cells = Array.from({ length: 100 }, (_, i) => (i === 3 ? '<5' : i === 4 ? 20 : 0));
    const p = {
      kind: 'triad_by_choice',
      questions: ['balans', 'fase'],
      groups: [
        { category: 'a', n: 10, tested: true, meanShares: [50, 25, 25] },
        { category: 'b', n: 10, tested: true, meanShares: [20, 60, 20] },
        { category: 'c', n: '<5', tested: false },
      ],
      zoneRule: { cornerShare: 60, edgeShare: 20 },
      ternary: { triad: 'balans', corners: ['A', 'B', 'C'], zones: [], zoneLabels: [], cells },
    } as unknown as Pattern;
    const svg = ternaryPlot(p, ['A', 'B', 'C'], (c) => c, 'plot');
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelectorAll('title')).toHaveLength(2);
    expect(svg.textContent).toContain('A');
    const fills = Array.from(svg.querySelectorAll('path')).map((e) => e.getAttribute('fill'));
    // one dark cell (the largest count), the suppressed one white with a ring
    expect(fills.filter((f) => f === '#282828')).toHaveLength(1);
    expect(svg.querySelector('[stroke-dasharray]')).not.toBeNull();
  });
});
