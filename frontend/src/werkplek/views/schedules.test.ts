import { describe, expect, it } from 'vitest';
import { nextPeriod, periodStart } from './schedules';

describe('periods of a schedule', () => {
  it('finds the first day of the quarter or month that holds a day', () => {
    expect(periodStart('2026-12-08', 'quarter')).toBe('2026-10-01');
    expect(periodStart('2026-03-31', 'quarter')).toBe('2026-01-01');
    expect(periodStart('2026-12-08', 'month')).toBe('2026-12-01');
  });

  it('finds the first day of the next quarter or month, also across a new year', () => {
    expect(nextPeriod('2026-12-08', 'quarter')).toBe('2027-01-01');
    expect(nextPeriod('2026-05-20', 'quarter')).toBe('2026-07-01');
    expect(nextPeriod('2026-12-08', 'month')).toBe('2027-01-01');
    expect(nextPeriod('2026-01-31', 'month')).toBe('2026-02-01');
  });
});
