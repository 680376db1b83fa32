import { describe, expect, it } from 'vitest';
import { definition } from '../../testing/definition';
import type { QuestionChart, StoryFilter } from '../model';
import { binLabelWithPoles, everyWeek, questionSpec, weeksOutside } from './dashboard';

describe('stories over time', () => {
  it('fills the weeks without stories with 0, from the first week to the last', () => {
    const weeks = everyWeek([
      { id: '2026-01-05', label: '2026-01-05', count: 7 },
      { id: '2026-01-12', label: '2026-01-12', count: '<5' },
      { id: '2026-01-26', label: '2026-01-26', count: 10 },
    ]);
    expect(weeks.map((b) => [b.id, b.count])).toEqual([
      ['2026-01-05', 7],
      ['2026-01-12', '<5'],
      ['2026-01-19', 0],
      ['2026-01-26', 10],
    ]);
  });

  it('lets the axis follow the charted weeks: a suppressed week years earlier does not stretch it', () => {
    const bars = [
      { id: '2019-06-03', label: '', count: '<5' },
      { id: '2026-01-05', label: '', count: 15 },
      { id: '2026-01-12', label: '', count: 20 },
      { id: '2026-01-19', label: '', count: '<5' },
    ];
    const weeks = everyWeek(bars);
    expect(weeks.map((b) => b.id)).toEqual(['2026-01-05', '2026-01-12']);
    expect(weeksOutside(bars, weeks)).toBe(2);
  });

  it('counts weeks across a change to summer time and a new year', () => {
    const weeks = everyWeek([
      { id: '2025-12-29', label: '', count: 1 },
      { id: '2026-04-06', label: '', count: 1 },
    ]);
    expect(weeks).toHaveLength(15);
    expect(weeks[1].id).toBe('2026-01-05');
    expect(weeks.every((b) => new Date(`${b.id}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('has no weeks without stories, and stops after ten years', () => {
    expect(everyWeek([])).toEqual([]);
    const long = everyWeek([
      { id: '2000-01-03', label: '', count: 1 },
      { id: '2026-01-05', label: '', count: 1 },
    ]);
    expect(long).toHaveLength(520);
  });
});

describe('a question chart on the dashboard', () => {
  const stories = (f: StoryFilter, more = '') => JSON.stringify(f) + more;
  const spec = (chart: Partial<QuestionChart>) =>
    questionSpec(
      definition,
      {
        id: 'regio',
        number: 2,
        type: 'choice',
        label: 'Regio',
        bars: [],
        notApplicable: null,
        unanswered: 0,
        tooFew: false,
        ...chart,
      },
      stories,
      () => undefined,
    );
  const slider: Partial<QuestionChart> = { id: 'gehoord', number: 1, type: 'slider', label: 'Gehoord' };

  it('charts a slider by its ten bins, the poles at the ends, with not applicable and unanswered after', () => {
    const s = spec({
      ...slider,
      bars: Array.from({ length: 10 }, (_, i) => ({
        id: String(i),
        label: '',
        count: i === 3 ? '<5' : i * 10,
      })),
      notApplicable: 6,
      unanswered: '<5',
    });
    expect(s.title).toBe('1. Gehoord');
    expect(s.categories[0]).toBe('0–9 (niet gehoord)');
    expect(s.categories[4]).toBe('40–49');
    expect(s.categories[9]).toBe('90–100 (goed gehoord)');
    expect(s.columns[0].counts[3]).toBe('<5');
    expect(s.extraRows?.map((r) => [r.label, r.counts[0]])).toEqual([
      ['Weet ik niet / niet van toepassing', 6],
      ['Niet ingevuld', '<5'],
    ]);
    expect(s.horizontal).toBe(false);
    expect(s.href?.(9, 0)).toBe(JSON.stringify({ ranges: { gehoord: [90, 100] } }));
  });

  it('charts a choice by its options, without a not-applicable row', () => {
    const s = spec({
      bars: [
        { id: 'noord', label: 'Noord', count: 9, share: 0.9 },
        { id: 'west', label: 'West', count: 1, share: 0.1 },
      ],
    });
    expect(s.categories).toEqual(['Noord', 'west']);
    expect(s.columns[0].shares).toEqual([0.9, 0.1]);
    expect(s.extraRows?.map((r) => r.label)).toEqual(['Niet ingevuld']);
    expect(s.horizontal).toBe(true);
    expect(s.href?.(0, 0)).toBe(JSON.stringify({ answers: { regio: ['noord'] } }));
  });

  it('names a question the story point no longer has by the number and label of the chart', () => {
    expect(spec({ id: 'oud', number: 9, label: 'Oude vraag' }).title).toBe('9. Oude vraag');
  });

  it('keeps a not-applicable row of 0, as the question offers the choice', () => {
    expect(spec({ ...slider, notApplicable: 0, unanswered: 2 }).extraRows?.map((r) => r.counts[0])).toEqual([
      0, 2,
    ]);
  });

  it('names the first and last bin after the poles only when there are poles', () => {
    expect(binLabelWithPoles(0, 'links', 'rechts')).toBe('0–9 (links)');
    expect(binLabelWithPoles(9, 'links', 'rechts')).toBe('90–100 (rechts)');
    expect(binLabelWithPoles(0, '', '')).toBe('0–9');
    expect(binLabelWithPoles(5, 'links', 'rechts')).toBe('50–59');
  });
});
