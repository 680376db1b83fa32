// The table page's own texts (tafel.nl.json, tafel.en.json).
import en from '../i18n/tafel.en.json';
import nl from '../i18n/tafel.nl.json';
import { translator } from '../lang';

export type TKey = keyof typeof nl;
export const tt = translator<TKey>({ nl, en });
