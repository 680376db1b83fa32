// Every interface text exists in Dutch and English, is not empty, and has the same {placeholders} in both:
// the frontend's side of TranslationsTest.java, over every catalogue in this folder.
import { describe, expect, it } from 'vitest';
import { catalogues } from '../testing/catalogues';

/** The names of a text's placeholders: {name} and the plural form {name|one|other}. */
const placeholders = (text: unknown) =>
  [...String(text).matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]).sort((a, b) => a.localeCompare(b));

describe('translation catalogues', () => {
  it('are the eight that the pages and TranslationsTest.java know', () => {
    expect([...catalogues.keys()].sort()).toEqual(
      ['', 'intrekken.', 'kaart.', 'tafel.', 'tafelcode.', 'verhalen.', 'verteltafel.', 'werkplek.'].sort(),
    );
  });

  describe.each([...catalogues.keys()])('%snl.json and %sen.json', (name) => {
    const { nl, en } = catalogues.get(name) ?? { nl: {}, en: {} };

    it('have the same keys', () => {
      expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    });

    it('have a text for every key in both languages', () => {
      const empty = [
        ...Object.entries(nl).map(([key, text]) => ['nl', key, text] as const),
        ...Object.entries(en).map(([key, text]) => ['en', key, text] as const),
      ].filter(([, , text]) => typeof text !== 'string' || text.trim() === '');
      expect(empty).toEqual([]);
    });

    it('use the same placeholders in both languages', () => {
      const differ = Object.keys(nl)
        .filter((key) => key in en)
        .filter((key) => placeholders(nl[key]).join() !== placeholders(en[key]).join())
        .map((key) => ({ key, nl: placeholders(nl[key]), en: placeholders(en[key]) }));
      expect(differ).toEqual([]);
    });
  });
});
