// Texts of the interface in Dutch (default) and English. Story point texts come from the story point itself.
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import type { Texts } from './types';

export type Key = keyof typeof nl;
const catalogues: Record<string, Record<Key, string>> = { nl, en };

let language = 'nl';

export function setLanguage(lang: string): void {
  language = catalogues[lang] ? lang : 'nl';
  document.documentElement.lang = language;
}

export function currentLanguage(): string {
  return language;
}

/** An interface text, with {placeholders} filled in. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text = catalogues[language][key] ?? catalogues.nl[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** A story point text in the current language, falling back to Dutch. */
export function pick(texts: Texts | undefined): string {
  if (!texts) {
    return '';
  }
  return texts[language] ?? texts.nl ?? '';
}
