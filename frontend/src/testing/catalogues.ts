// The translation catalogues of src/i18n by name: '' for the form's nl.json/en.json, 'werkplek.' for
// werkplek.nl.json/werkplek.en.json, and so on.
const files = import.meta.glob<Record<string, unknown>>('../i18n/*.json', { eager: true, import: 'default' });

export interface Catalogue {
  nl: Record<string, unknown>;
  en: Record<string, unknown>;
}

export const catalogues = new Map<string, Catalogue>();
for (const [path, texts] of Object.entries(files)) {
  const match = /\/i18n\/(.*?)(nl|en)\.json$/.exec(path);
  if (!match) {
    throw new Error(`${path} is not named NAME.nl.json or NAME.en.json`);
  }
  const [, name, language] = match;
  const pair = catalogues.get(name) ?? { nl: {}, en: {} };
  pair[language as 'nl' | 'en'] = texts;
  catalogues.set(name, pair);
}
