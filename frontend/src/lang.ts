// The interface language (Dutch by default, or English) and text functions over catalogues. Kept apart
// from the form's own texts (i18n.ts), so that a page with texts of its own (the table page) does not
// carry the form's catalogues.

let language = 'nl';

export function setLanguage(lang: string): void {
  language = lang === 'en' ? 'en' : 'nl';
  document.documentElement.lang = language;
}

export function currentLanguage(): string {
  return language;
}

/**
 * A text function over catalogues by language (Dutch when a text is missing). Placeholders: {name} is filled in;
 * {name|one|other} chooses the form for the number in name by the language's plural rules, with # standing for
 * the number: "{count|# verhaal|# verhalen}" gives "1 verhaal", "0 verhalen", "<5 verhalen".
 */
export function translator<K extends string>(catalogues: { nl: Record<K, string>; en: Record<K, string> }) {
  return (key: K, vars: Record<string, string | number> = {}): string => {
    const text = (language === 'en' ? catalogues.en : catalogues.nl)[key] ?? catalogues.nl[key];
    return fill(text, vars);
  };
}

const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

/** A text with its placeholders filled in (see {@link translator}). */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(PLACEHOLDER, (whole, name: string, one?: string, other?: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    if (one === undefined || other === undefined) return String(value);
    return (pluralOf(value) === 'one' ? one : other).replaceAll('#', String(value));
  });
}

/** The plural category of a count (a number, or a shown count such as "12" or "<5") in the current language. */
function pluralOf(value: string | number): Intl.LDMLPluralRule {
  const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) ? new Intl.PluralRules(language === 'en' ? 'en' : 'nl').select(n) : 'other';
}

/** A date (yyyy-mm-dd or an instant) in words: "12 maart 2026". */
export function formatDay(iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return date.toLocaleDateString(language === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
}
