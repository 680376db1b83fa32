import { describe, expect, it } from 'vitest';
import { barData, notCharted, type ChartSpec } from './chartblock';
import { datasets, PALETTE } from './charts';

const oneColumn = (changes: Partial<ChartSpec> = {}): ChartSpec => ({
  title: 'Rol',
  categoryHeader: 'Rol',
  categories: ['Jongere', 'Ouder', 'Hulpverlener'],
  columns: [{ label: 'Aantal', counts: [12, '<5', 0], shares: [0.6, null, 0] }],
  ...changes,
});

describe('chart data', () => {
  it('charts counts as they are and never a suppressed "<5" count', () => {
    const { categories, series } = barData(oneColumn());
    expect(series).toHaveLength(1);
    expect(series[0].values).toEqual([12, null, 0]);
    expect(categories).toEqual(['Jongere', 'Ouder (<5, niet getoond)', 'Hulpverlener']);
  });

  it('charts shares in percent with one decimal, and no share for a suppressed count', () => {
    const spec = oneColumn({
      asShares: true,
      columns: [{ label: 'Aandeel', counts: [7, '<5', 3], shares: [0.41176, 0.2, 0.17647] }],
    });
    expect(barData(spec).series[0].values).toEqual([41.2, null, 17.6]);
  });

  it('leaves out a share that is missing', () => {
    const spec = oneColumn({ asShares: true, columns: [{ label: 'Aandeel', counts: [7, 3, 1] }] });
    expect(barData(spec).series[0].values).toEqual([null, null, null]);
  });

  it('names what is not charted, by category and column when bars are grouped', () => {
    expect(notCharted(oneColumn())).toEqual(['Ouder']);
    const grouped = oneColumn({
      columns: [
        { label: 'Noord', counts: [10, '<5', 8] },
        { label: 'Zuid', counts: ['<5', 6, null] },
      ],
    });
    expect(notCharted(grouped)).toEqual(['Jongere (Zuid)', 'Ouder (Noord)']);
    expect(barData(grouped).series.map((s) => s.values)).toEqual([
      [10, null, 8],
      [null, 6, null],
    ]);
    // grouped bars keep their category names; the note under the chart names what is missing
    expect(barData(grouped).categories).toEqual(['Jongere', 'Ouder', 'Hulpverlener']);
  });

  it('does not count an empty cell as suppressed', () => {
    expect(
      notCharted(oneColumn({ columns: [{ label: 'Aantal', counts: [null, undefined as never, 3] }] })),
    ).toEqual([]);
  });

  it('adds the extra rows as grey bars at the end of a one-column chart of counts', () => {
    const spec = oneColumn({
      extraRows: [
        { label: 'Weet ik niet', counts: [4] },
        { label: 'Niet ingevuld', counts: ['<5'] },
      ],
      extraInChart: true,
    });
    const { categories, series } = barData(spec);
    expect(categories).toEqual([
      'Jongere',
      'Ouder (<5, niet getoond)',
      'Hulpverlener',
      'Weet ik niet',
      'Niet ingevuld (<5, niet getoond)',
    ]);
    expect(series[0].values).toEqual([12, null, 0, 4, null]);
    expect(series[0].colors).toEqual([null, null, null, '#6b7280', '#6b7280']);
    expect(notCharted(spec, true)).toEqual(['Ouder', 'Niet ingevuld']);
  });

  it('keeps extra rows out of a chart of shares, of grouped bars, or when not asked', () => {
    const extraRows = [{ label: 'Niet ingevuld', counts: [3] }];
    const charted = (spec: ChartSpec) => barData(spec).categories.includes('Niet ingevuld');
    expect(charted(oneColumn({ extraRows }))).toBe(false);
    expect(charted(oneColumn({ extraRows, extraInChart: true, asShares: true }))).toBe(false);
    const twoColumns = [
      { label: 'a', counts: [1, 2, 3] },
      { label: 'b', counts: [1, 2, 3] },
    ];
    expect(charted(oneColumn({ extraRows, extraInChart: true, columns: twoColumns }))).toBe(false);
    expect(barData(oneColumn({ extraRows })).series[0].colors).toBeUndefined();
  });
});

describe('Chart.js data sets', () => {
  it('give each series its own colour, round the palette again after the last', () => {
    const series = Array.from({ length: PALETTE.length + 1 }, (_, i) => ({ label: `s${i}`, values: [i] }));
    const sets = datasets(series);
    expect(sets[0].backgroundColor).toBe(PALETTE[0]);
    expect(sets[1].backgroundColor).toBe(PALETTE[1]);
    expect(sets[PALETTE.length].backgroundColor).toBe(PALETTE[0]);
    expect(new Set(sets.slice(0, PALETTE.length).map((s) => s.backgroundColor)).size).toBe(PALETTE.length);
  });

  it('keep a bar of its own colour and give the others the series colour', () => {
    const [set, second] = datasets([
      { label: 'Aantal', values: [3, null, 2], colors: [null, null, '#6b7280'] },
      { label: 'Ander', values: [1, 1], colors: [null, '#6b7280'] },
    ]);
    expect(set.backgroundColor).toEqual([PALETTE[0], PALETTE[0], '#6b7280']);
    expect(second.backgroundColor).toEqual([PALETTE[1], '#6b7280']);
    expect(set.data).toEqual([3, null, 2]);
    expect(set.label).toBe('Aantal');
  });
});
