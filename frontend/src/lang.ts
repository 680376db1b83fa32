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

/** A text function over catalogues by language ({placeholders} filled in; Dutch when a text is missing). */
export function translator<K extends string>(catalogues: { nl: Record<K, string>; en: Record<K, string> }) {
  return (key: K, vars: Record<string, string | number> = {}): string => {
    const text = (language === 'en' ? catalogues.en : catalogues.nl)[key] ?? catalogues.nl[key];
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  };
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
