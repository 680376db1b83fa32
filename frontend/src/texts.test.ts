// @vitest-environment node
// The texts of the code: every translation key it uses is in its catalogue, every key of a catalogue is
// used, and no text for people is written in TypeScript instead of a catalogue (or the story point).
import { beforeAll, describe, expect, it } from 'vitest';
import { bypasses, hasWords, type Finding } from './testing/bypass';
import { catalogues } from './testing/catalogues';
import { fits, keyUses, type KeyUse } from './testing/keys';
import { sources } from './testing/source';

/**
 * Keys built at run time from a value of the API or of a fixed list, by catalogue and pattern ("*" is the
 * value). Each is listed here on purpose: a new one must be looked at, and its keys are not unused.
 */
const DYNAMIC: Record<string, Record<string, string>> = {
  'kaart.': {
    '*.*':
      'card/data.ts translated(): effect.{name} and test.{test} of a pattern, where the catalogue has them',
  },
  'verhalen.': {
    'status.*': 'form/outcomes.ts: the status of an outcome (STATUSES)',
    'status.*.explain': 'form/outcomes.ts: what the status of an outcome means (STATUSES)',
  },
  'tafel.': { 'kind.*': 'tafel/cards.ts: the kind of a note (NOTE_KINDS)' },
  'werkplek.': {
    'kind.*': 'the kind of a pattern (labels.ts, views/run.ts)',
    'channel.*': 'labels.ts: how a story came in (CHANNELS)',
    'role.*': 'views/users.ts: the roles of a user (ROLES)',
    'flag.*': 'views/story.ts: the kind of a personal-data flag (KINDS)',
    'effect.*': 'views/run.ts: the name of an effect size',
    'test.*': 'views/run.ts: the name of a statistical test',
    'stat.*': 'views/pattern.ts: the group statistics mean, median, sd, skewness, kurtosis',
    'note.*': 'views/sessiontable.ts: the kind of a note (NOTE_KINDS)',
    'status.proposal.*': 'views/proposals.ts: the status of a proposal (STATUSES)',
    'field.*': 'problems.ts: what is wrong with a field the API refused (FIELDS, storyReason)',
    'figures.column.*': 'figureproblems.ts: a column of a file of context figures (COLUMNS)',
    'comparison.test.*': 'views/comparison.ts: the test of a difference between focus and reference',
  },
};

/** Of a pattern with no fixed start, the keys it stands for (the prefixes its function is called with). */
const DYNAMIC_KEYS: Record<string, string[]> = { 'kaart.*.*': ['effect.*', 'test.*'] };

/**
 * Texts with letters that may be shown as they are written in the code, by text, with the files they are
 * in and why. Everything else that people read or hear comes from a catalogue or the story point.
 */
const ALLOWED: { text: string; files: string[]; reason: string }[] = [
  {
    text: 'n',
    files: ['card/data.ts', 'werkplek/views/pattern.ts', 'werkplek/views/run.ts'],
    reason: 'the statistical symbol for a number of stories, the same in Dutch and English',
  },
  {
    text: 'p',
    files: ['werkplek/views/pattern.ts'],
    reason: 'the symbol of a p-value',
  },
  {
    text: 'q',
    files: ['werkplek/views/run.ts', 'werkplek/views/comparison.ts'],
    reason: 'the symbol of a q-value (as in pattern.q)',
  },
  { text: 'U', files: ['werkplek/views/pattern.ts'], reason: "the Mann-Whitney test's statistic" },
  { text: 'z', files: ['werkplek/views/pattern.ts'], reason: 'the symbol of a z-score' },
  {
    text: 'Website',
    files: ['form/app.ts'],
    reason:
      'the label of the honeypot field, hidden from people (aria-hidden, off screen); only bots fill it in',
  },
  {
    text: 'Nederlands',
    files: ['verteltafel/paper.ts'],
    reason: 'the languages a paper story can be in, each named in itself as language choices are',
  },
  { text: 'English', files: ['verteltafel/paper.ts'], reason: 'as Nederlands' },
  {
    text: 'subset',
    files: ['werkplek/views/pattern.ts'],
    reason:
      'the id of the subset variable; variableLabel and categoryLabel name it (variable.subset, subset.side) ' +
      'and give an id back only for a variable they do not know, which the check cannot see',
  },
];

let uses: KeyUse[] = [];
let findings: Finding[] = [];

beforeAll(() => {
  sources();
  uses = keyUses();
  findings = bypasses();
}, 120_000);

const has = (catalogue: string, key: string) => Object.hasOwn(catalogues.get(catalogue)?.nl ?? {}, key);

describe('translation keys in the code', () => {
  it('are found for every translator', () => {
    const used = new Set(uses.flatMap((u) => u.catalogues));
    expect([...used].sort()).toEqual([...catalogues.keys()].sort());
    expect(uses.length).toBeGreaterThan(500);
  });

  it('can all be followed to the keys or the key patterns they take', () => {
    expect(uses.filter((u) => u.unresolved).map((u) => u.at)).toEqual([]);
  });

  it('are all in their catalogue', () => {
    const missing = uses.flatMap((u) =>
      u.keys.filter((key) => !u.catalogues.some((c) => has(c, key))).map((key) => `${u.at}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('are built at run time only in the ways listed, each matching keys of its catalogue', () => {
    const found: Record<string, Record<string, string>> = {};
    for (const u of uses) {
      for (const pattern of u.patterns) {
        for (const c of u.catalogues) {
          (found[c] ??= {})[pattern] = DYNAMIC[c]?.[pattern] ?? `not listed: ${u.at}`;
        }
      }
    }
    expect(found).toEqual(DYNAMIC);
    for (const [c, patterns] of Object.entries(DYNAMIC)) {
      for (const pattern of Object.keys(patterns)) {
        const keys = Object.keys(catalogues.get(c)?.nl ?? {}).filter((k) =>
          (DYNAMIC_KEYS[c + pattern] ?? [pattern]).some((p) => fits(k, p)),
        );
        expect(keys, `${c}${pattern}`).not.toEqual([]);
      }
    }
  });
});

describe('translation catalogues', () => {
  it('have no key that the code does not use', () => {
    const unused: string[] = [];
    for (const [c, { nl }] of catalogues) {
      const literal = new Set(uses.filter((u) => u.catalogues.includes(c)).flatMap((u) => u.keys));
      const patterns = Object.keys(DYNAMIC[c] ?? {}).flatMap((p) => DYNAMIC_KEYS[c + p] ?? [p]);
      for (const key of Object.keys(nl)) {
        if (!literal.has(key) && !patterns.some((p) => fits(key, p))) {
          unused.push(`${c}json: ${key}`);
        }
      }
    }
    expect(unused).toEqual([]);
  });
});

describe('texts for people', () => {
  const allowed = (f: Finding) => ALLOWED.some((a) => a.text === f.text && a.files.includes(f.file));

  it('come from a catalogue or the story point, not from the code', () => {
    expect(findings.filter((f) => !allowed(f)).map((f) => `${f.at}: ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('written in the code are allowed only where they still are', () => {
    const stale = ALLOWED.flatMap((a) =>
      a.files
        .filter((file) => !findings.some((f) => f.text === a.text && f.file === file))
        .map((file) => `${file}: ${a.text}`),
    );
    expect(stale).toEqual([]);
  });

  it('are told apart from punctuation, digits and symbols, which need no translation', () => {
    for (const text of [' – ', '·', '%', '×', '▲', ' (', '90–100', '< 0,001', '']) {
      expect(hasWords(text), text).toBe(false);
    }
    for (const text of ['Opslaan', 'é', 'n', 'Ω']) {
      expect(hasWords(text), text).toBe(true);
    }
  });
});
