import { describe, expect, it } from 'vitest';
import type { Run } from '../model';
import { timesAsCommon } from './keywords';
import { wordGroups } from './pattern';

describe('words that stand out', () => {
  it('says how many times as common a word is, or what part of it', () => {
    expect(timesAsCommon(1)).toMatch(/^2(,|\.)0 × (zo vaak|as often)$/);
    expect(timesAsCommon(-2)).toMatch(/^4(,|\.)0 × (minder vaak|less often)$/);
    expect(timesAsCommon(0)).toMatch(/^1(,|\.)0 × (zo vaak|as often)$/);
  });

  it("sets each choice's stories against the pattern's stories with another choice", () => {
    const run = { request: {} } as unknown as Run;
    const base = { roles: ['ouder'], includeIncomplete: false };
    const groups = wordGroups(run, base, 'gevolg', [
      { category: 'positief', label: 'Positief' },
      { category: 'negatief', label: 'Negatief' },
      { category: 'beide', label: 'Beide' },
    ]);
    expect(groups.map((g) => g.label)).toEqual(['Positief', 'Negatief', 'Beide']);
    expect(groups[0].focus.answers).toEqual({ gevolg: ['positief'] });
    expect(groups[0].focus.roles).toEqual(['ouder']);
    expect(groups[0].reference.answers).toEqual({ gevolg: ['negatief', 'beide'] });
    expect(groups[0].reference.roles).toEqual(['ouder']);
  });

  it('sets a role against the other roles, and a multichoice option against all stories of the pattern', () => {
    const run = { request: {} } as unknown as Run;
    const roles = wordGroups(run, {}, 'role', [
      { category: 'ouder', label: 'Ouder' },
      { category: 'jongere', label: 'Jongere' },
    ]);
    expect(roles[1].focus.roles).toEqual(['jongere']);
    expect(roles[1].reference.roles).toEqual(['ouder']);
    const option = wordGroups(run, { roles: ['ouder'] }, 'themas:wachten', [
      { category: 'yes', label: 'Ja' },
      { category: 'no', label: 'Nee' },
    ]);
    expect(option).toHaveLength(1);
    expect(option[0].focus.answers).toEqual({ themas: ['wachten'] });
    expect(option[0].reference).toEqual({ roles: ['ouder'] });
  });
});
