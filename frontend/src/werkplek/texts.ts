// The workspace's own interface texts (werkplek.nl.json, werkplek.en.json), apart from the form's.
import { translator } from '../i18n';
import en from '../i18n/werkplek.en.json';
import nl from '../i18n/werkplek.nl.json';

export type WKey = keyof typeof nl;
export const w = translator<WKey>({ nl, en });
