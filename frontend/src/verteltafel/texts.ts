// The verteltafel's and paper entry's own interface texts (verteltafel.nl.json, verteltafel.en.json);
// the story and question screens use the form's texts, so they read the same as online.
import { translator } from '../i18n';
import en from '../i18n/verteltafel.en.json';
import nl from '../i18n/verteltafel.nl.json';

export type VKey = keyof typeof nl;
export const v = translator<VKey>({ nl, en });
