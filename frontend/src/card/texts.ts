// Texts of an observation card's parts, shared by the workspace's card editor and the table page.
import en from '../i18n/kaart.en.json';
import nl from '../i18n/kaart.nl.json';
import { translator } from '../lang';

export type CKey = keyof typeof nl;
export const c = translator<CKey>({ nl, en });

/** Whether the catalogue has a text for this key (for names that come from the data). */
export function hasText(key: string): key is CKey {
  return Object.prototype.hasOwnProperty.call(nl, key);
}
