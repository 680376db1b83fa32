import { describe, expect, it } from 'vitest';
import type { GroupStats, Table } from '../model';
import { binColumns, rowShareColumns } from './pattern';

describe('evaluation charts', () => {
  it("charts each group's bins as shares of the group, none for a suppressed bin or group size", () => {
    const groups: GroupStats[] = [
      { category: 'jongere', n: 20, bins: [10, 5, '<5', 0, 0, 0, 0, 0, 0, 0] },
      { category: 'ouder', n: '<5', bins: ['<5', 0, 0, 0, 0, 0, 0, 0, 0, 0] },
    ];
    const columns = binColumns(groups, (g) => g.category ?? '');
    expect(columns.map((c) => c.label)).toEqual(['jongere', 'ouder']);
    expect(columns[0].shares?.slice(0, 4)).toEqual([0.5, 0.25, null, 0]);
    expect(columns[0].counts[2]).toBe('<5');
    expect(columns[1].shares?.every((s) => s === null)).toBe(true);
  });

  it('charts a group without bins as no bars', () => {
    expect(binColumns([{ category: 'x', n: 8 }], () => 'x')[0]).toEqual({
      label: 'x',
      counts: [],
      shares: [],
    });
  });

  it('charts each row of a table as shares of the counts of that row that are numbers', () => {
    const table = {
      rows: ['noord', 'zuid'],
      rowLabels: ['Noord', 'Zuid'],
      columns: ['ja', 'nee', 'soms'],
      columnLabels: ['Ja', 'Nee', 'Soms'],
      counts: [
        [30, 10, '<5'],
        [0, 0, 0],
      ],
    } as unknown as Table;
    const columns = rowShareColumns(table, (i) => table.rowLabels[i]);
    expect(columns[0]).toEqual({ label: 'Noord', counts: [30, 10, '<5'], shares: [0.75, 0.25, null] });
    expect(columns[1].shares).toEqual([null, null, null]);
  });
});
