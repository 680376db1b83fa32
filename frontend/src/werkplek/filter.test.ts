import { describe, expect, it } from 'vitest';
import type { Definition } from '../types';
import { cardAddress, evaluationAddress, filteredAddress, pointAddress, sessionAddress } from './addresses';
import { exportUrl } from './client';
import { clean, conditions, filterFromUrl, filterQuery, narrow } from './filter';
import type { StoryFilter } from './model';
import { browserState, storiesAddress, type BrowserState } from './views/stories';

const FULL: StoryFilter = {
  from: '2026-01-01',
  to: '2026-03-31',
  roles: ['jongere', 'ouder'],
  channels: ['online', 'papier'],
  answers: { regio: ['noord', 'zuid'], hulp: ['ja'] },
  ranges: { gehoord: [0, 19], veilig: [80, 100] },
  includeIncomplete: false,
  minWords: 10,
  maxWords: 150,
  contains: 'wachtlijst "niet gehoord" -school',
};

/** The filter as the next page reads it from the address that a view made. */
function throughAddress(filter: StoryFilter): StoryFilter {
  const address = filteredAddress('/werkplek/jeugdzorg', filter);
  return filterFromUrl(new URL(address, 'https://vertelpunt.test').searchParams);
}

const fromQuery = (query: string) => filterFromUrl(new URLSearchParams(query));
const withFilter = (value: unknown) => fromQuery(`filter=${encodeURIComponent(JSON.stringify(value))}`);
const NONE: StoryFilter = { includeIncomplete: true };

describe('filter in the address', () => {
  it('keeps every field through filter, address and back', () => {
    expect(throughAddress(FULL)).toEqual(FULL);
  });

  it('keeps each field on its own through the address', () => {
    const one: StoryFilter[] = [
      { from: '2026-01-01' },
      { to: '2026-03-31' },
      { roles: ['jongere'] },
      { channels: ['verteltafel'] },
      { answers: { regio: ['noord'] } },
      { ranges: { gehoord: [40, 59] } },
      { minWords: 0 },
      { maxWords: 100 },
      { contains: 'wachtlijst & zo?' },
    ];
    for (const f of one) {
      expect(throughAddress({ ...f, includeIncomplete: true })).toEqual({ ...f, includeIncomplete: true });
    }
    expect(throughAddress({ includeIncomplete: false })).toEqual({ includeIncomplete: false });
  });

  it('keeps texts with characters that have a meaning in addresses', () => {
    const f: StoryFilter = { roles: ['a&b=c', 'ouder/voogd', 'x?y#z', 'é ü'], includeIncomplete: true };
    expect(throughAddress(f)).toEqual(f);
  });

  it('makes a clean address for no filter', () => {
    expect(filterQuery({})).toBe('');
    expect(filterQuery(NONE)).toBe('');
    expect(filterQuery({ roles: [], channels: [], answers: { regio: [] }, ranges: {} })).toBe('');
    expect(filteredAddress('/werkplek/jeugdzorg/verhalen', NONE)).toBe('/werkplek/jeugdzorg/verhalen');
  });

  it('leaves empty lists and maps out of the address', () => {
    const query = filterQuery({ roles: ['jongere'], channels: [], answers: { regio: [] }, ranges: {} });
    expect(JSON.parse(new URLSearchParams(query).get('filter') ?? '')).toEqual({
      roles: ['jongere'],
      includeIncomplete: true,
    });
  });

  it('reads no filter as everything, incomplete stories included', () => {
    expect(fromQuery('')).toEqual(NONE);
    expect(fromQuery('q=hulp')).toEqual(NONE);
  });

  it('ignores a filter that is not JSON or not an object', () => {
    expect(fromQuery('filter=%7Broles%3A')).toEqual(NONE);
    expect(fromQuery('filter=')).toEqual(NONE);
    expect(withFilter(null)).toEqual(NONE);
    expect(withFilter('roles')).toEqual(NONE);
    expect(withFilter(42)).toEqual(NONE);
    expect(withFilter(['jongere'])).toEqual(NONE);
  });

  it('ignores fields of the wrong shape and keeps the rest', () => {
    expect(
      withFilter({
        from: 20260101,
        to: 'gisteren',
        roles: 'jongere',
        channels: ['online', 7, null, ''],
        answers: { regio: 'noord', hulp: ['ja', 1], leeg: [] },
        ranges: { a: [10], b: ['0', '9'], c: [50, 10], d: [-1, 9], e: [90, 101], f: [1.5, 2], g: [20, 29] },
        includeIncomplete: false,
        somethingElse: true,
        minWords: -1,
        maxWords: '100',
        contains: 7,
      }),
    ).toEqual({
      channels: ['online'],
      answers: { hulp: ['ja'] },
      ranges: { g: [20, 29] },
      includeIncomplete: false,
    });
  });

  it('lets only an explicit false leave incomplete stories out', () => {
    expect(withFilter({ includeIncomplete: 'false' }).includeIncomplete).toBe(true);
    expect(withFilter({ includeIncomplete: 0 }).includeIncomplete).toBe(true);
    expect(withFilter({ includeIncomplete: false }).includeIncomplete).toBe(false);
  });

  it('cleans a filter without changing what it asks', () => {
    expect(clean({ ...FULL, roles: [], answers: { regio: [] } })).toEqual({
      from: FULL.from,
      to: FULL.to,
      channels: FULL.channels,
      ranges: FULL.ranges,
      minWords: FULL.minWords,
      maxWords: FULL.maxWords,
      contains: FULL.contains,
      includeIncomplete: false,
    });
    expect(clean({ contains: '   ' })).toEqual(NONE);
    expect(clean({})).toEqual(NONE);
  });
});

describe('story browser address', () => {
  const state = (changes: Partial<BrowserState> = {}): BrowserState => ({
    filter: NONE,
    q: '',
    page: 0,
    ...changes,
  });
  const roundTrip = (s: BrowserState) =>
    browserState(new URL(storiesAddress('jeugdzorg', s), 'https://vertelpunt.test').searchParams);

  it('keeps the search, the moderation choices, the page and the filter through the address', () => {
    const s = state({
      filter: FULL,
      q: 'niet gehoord & boos',
      page: 3,
      flagged: true,
      hidden: false,
      complete: false,
    });
    expect(roundTrip(s)).toEqual(s);
  });

  it('makes a clean address for the first page of everything', () => {
    expect(storiesAddress('jeugdzorg', state())).toBe('/werkplek/jeugdzorg/verhalen');
    expect(storiesAddress('jeugdzorg', state({ q: '   ' }))).toBe('/werkplek/jeugdzorg/verhalen');
  });

  it('counts pages from 1 in the address and from 0 inside', () => {
    expect(storiesAddress('jeugdzorg', state({ page: 1 }))).toBe('/werkplek/jeugdzorg/verhalen?page=2');
    expect(browserState(new URLSearchParams('page=2')).page).toBe(1);
  });

  it('ignores a page or a choice that is not one', () => {
    const s = browserState(new URLSearchParams('page=abc&flagged=misschien&hidden=1&complete=TRUE'));
    expect(s).toEqual(state());
    expect(browserState(new URLSearchParams('page=-4')).page).toBe(0);
    expect(browserState(new URLSearchParams('page=0')).page).toBe(0);
  });

  it('escapes the story point in the path', () => {
    expect(storiesAddress('a/b c', state())).toBe('/werkplek/a%2Fb%20c/verhalen');
  });
});

describe('workspace addresses', () => {
  it('put every page of a story point under its escaped slug', () => {
    expect(pointAddress('jeugd zorg')).toBe('/werkplek/jeugd%20zorg');
    expect(cardAddress('jeugdzorg', 'c/1')).toBe('/werkplek/jeugdzorg/kaarten/c%2F1');
    expect(sessionAddress('jeugdzorg', 's1')).toBe('/werkplek/jeugdzorg/bijeenkomsten/s1');
    expect(evaluationAddress('jeugdzorg', 'r?1')).toBe('/werkplek/jeugdzorg/evaluaties/r%3F1');
  });

  it('add further query parts after the filter, leaving out empty ones', () => {
    const address = filteredAddress(
      '/werkplek/jeugdzorg/verhalen',
      { roles: ['jongere'] },
      '',
      'complete=false',
    );
    const url = new URL(address, 'https://vertelpunt.test');
    expect(url.searchParams.get('complete')).toBe('false');
    expect(filterFromUrl(url.searchParams)).toEqual({ roles: ['jongere'], includeIncomplete: true });
    expect(filteredAddress('/x', NONE, 'complete=false')).toBe('/x?complete=false');
  });

  it('give an export the whole filter, readable by the server', () => {
    const url = new URL(exportUrl('jeugdzorg', 'csv', FULL), 'https://vertelpunt.test');
    expect(url.pathname).toBe('/api/storypoints/jeugdzorg/stories.csv');
    expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual(FULL);
  });
});

describe('narrowing a filter', () => {
  it('narrows the length and asks for the words of both', () => {
    const both = narrow(
      { minWords: 10, maxWords: 300, contains: 'school' },
      { minWords: 50, maxWords: 200, contains: 'mentor' },
    );
    expect([both.minWords, both.maxWords, both.contains]).toEqual([50, 200, 'school mentor']);
    expect(narrow({ maxWords: 100 }, {}).maxWords).toBe(100);
    expect(narrow({}, { contains: 'hulp' }).contains).toBe('hulp');
  });

  it('keeps what both filters ask: shared list items, the later start, the earlier end', () => {
    const both = narrow(
      { from: '2026-01-01', to: '2026-06-30', roles: ['jongere', 'ouder'], includeIncomplete: true },
      { from: '2026-02-01', to: '2026-12-31', roles: ['ouder', 'hulpverlener'], includeIncomplete: true },
    );
    expect(both).toEqual({ from: '2026-02-01', to: '2026-06-30', roles: ['ouder'], includeIncomplete: true });
  });

  it('adds a condition the base filter does not have', () => {
    expect(narrow(FULL, { answers: { nieuw: ['x'] } }).answers).toEqual({ ...FULL.answers, nieuw: ['x'] });
    expect(narrow(NONE, { channels: ['online'] })).toEqual({ channels: ['online'], includeIncomplete: true });
  });

  it('overlaps slider ranges, and keeps the narrower side when they do not meet', () => {
    expect(narrow({ ranges: { a: [0, 50] } }, { ranges: { a: [40, 100] } }).ranges).toEqual({ a: [40, 50] });
    expect(narrow({ ranges: { a: [0, 9] } }, { ranges: { a: [90, 100] } }).ranges).toEqual({ a: [90, 100] });
  });

  it('keeps the narrower list when two lists have nothing in common', () => {
    expect(narrow({ roles: ['jongere'] }, { roles: ['ouder'] }).roles).toEqual(['ouder']);
  });

  it('lets incomplete stories in only when both filters do', () => {
    expect(narrow(NONE, NONE).includeIncomplete).toBe(true);
    expect(narrow({ includeIncomplete: false }, NONE).includeIncomplete).toBe(false);
    expect(narrow(NONE, { includeIncomplete: false }).includeIncomplete).toBe(false);
  });
});

describe('active filter conditions', () => {
  const d = {
    slug: 'jeugdzorg',
    title: { nl: 'Jeugdzorg' },
    roles: [{ id: 'jongere', label: { nl: 'Jongere' } }],
    storyPrompt: { nl: 'Vertel' },
    completeness: { minWords: 10, minAnsweredQuestions: 1 },
    questions: [
      {
        id: 'regio',
        number: 3,
        type: 'choice',
        label: { nl: 'Regio' },
        options: [
          { id: 'noord', label: { nl: 'Noord' } },
          { id: 'zuid', label: { nl: 'Zuid' } },
        ],
      },
      { id: 'gehoord', number: 5, type: 'slider', label: { nl: 'Gehoord' } },
    ],
  } as Definition;

  it('names each condition and removes only that one', () => {
    const f: StoryFilter = {
      from: '2026-01-01',
      roles: ['jongere'],
      answers: { regio: ['noord', 'zuid'] },
      ranges: { gehoord: [0, 100] },
      includeIncomplete: false,
    };
    const list = conditions(d, f);
    expect(list.map((c) => c.label)).toEqual([
      'Vanaf 2026-01-01',
      'Rol: Jongere',
      '3. Regio: Noord, Zuid',
      '5. Gehoord: beantwoord',
      'Alleen volledige verhalen',
    ]);
    expect(clean(list[1].without)).toEqual(clean({ ...f, roles: [] }));
    expect(clean(list[2].without).answers).toBeUndefined();
    expect(clean(list[4].without).includeIncomplete).toBe(true);
  });

  it('names the length and the words, each removable on its own', () => {
    const f: StoryFilter = { maxWords: 150, contains: 'wachtlijst', includeIncomplete: true };
    const list = conditions(d, f);
    expect(list.map((c) => c.label)).toEqual(['Lengte: hoogstens 150 woorden', 'Bevat: wachtlijst']);
    expect(clean(list[0].without)).toEqual({ contains: 'wachtlijst', includeIncomplete: true });
    expect(clean(list[1].without)).toEqual({ maxWords: 150, includeIncomplete: true });
    expect(conditions(d, { minWords: 20, maxWords: 80 })[0].label).toBe('Lengte: 20 tot en met 80 woorden');
    expect(conditions(d, { minWords: 20 })[0].label).toBe('Lengte: minstens 20 woorden');
  });

  it('has no conditions for no filter', () => {
    expect(conditions(d, NONE)).toEqual([]);
  });
});
