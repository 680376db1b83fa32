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

/** The position in words, relative to the poles, as a screen reader speaks it. */
export function sliderWords(value: number, left: string, right: string): string {
  const key =
    value === 0
      ? 'slider.atLeft'
      : value <= 20
        ? 'slider.nearLeft'
        : value <= 40
          ? 'slider.towardsLeft'
          : value < 60
            ? 'slider.middle'
            : value < 80
              ? 'slider.towardsRight'
              : value < 100
                ? 'slider.nearRight'
                : 'slider.atRight';
  return t(key, { left, right });
}
