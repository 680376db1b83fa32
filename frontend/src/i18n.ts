// Texts of the interface in Dutch (default) and English. Story point texts come from the story point itself.
// The form's texts are nl.json/en.json; a page with texts of its own (the workspace) makes its own
// translator over werkplek.{nl,en}.json with `translator`, so the form never loads them.
import en from './i18n/en.json';
import nl from './i18n/nl.json';
import { currentLanguage, translator } from './lang';
import type { Texts } from './types';

export type Key = keyof typeof nl;

export { currentLanguage, setLanguage, translator } from './lang';

/** An interface text of the form, with {placeholders} filled in. */
export const t = translator<Key>({ nl, en });

/** A story point text in the current language, falling back to Dutch. */
export function pick(texts: Texts | undefined): string {
  if (!texts) {
    return '';
  }
  return texts[currentLanguage()] ?? texts.nl ?? '';
}

/**
 * The position in words, relative to the poles, as the read-out shows it and a screen reader speaks it: at either
 * end the pole itself ("helemaal wel", never "helemaal Helemaal wel"), elsewhere how close it is to a pole
 * ("dicht bij zeker wel") or "in het midden". Poles are written for a label of their own ("Helemaal wel"), so in a
 * sentence they lose their capital, unless they are a word in capitals ("NIET") or a name ("GGZ").
 */
export function sliderWords(value: number, left: string, right: string): string {
  const poles = { left: inSentence(left), right: inSentence(right) };
  if (value <= 0) {
    return poles.left;
  }
  if (value >= 100) {
    return poles.right;
  }
  const key =
    value <= 20
      ? 'slider.nearLeft'
      : value <= 40
        ? 'slider.towardsLeft'
        : value < 60
          ? 'slider.middle'
          : value < 80
            ? 'slider.towardsRight'
            : 'slider.nearRight';
  return t(key, poles);
}

/** A label as part of a sentence: "Helemaal wel" becomes "helemaal wel"; "NIET" and "GGZ" stay as they are. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase() + label.slice(1) : label;
}
