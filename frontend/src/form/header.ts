// The bar at the top of every public page of a story point (form, thank-you page, withdrawal): the name and,
// when the story point speaks English too, the language switch. The chosen language goes into the address
// (?lang=en), so that a reload, Back and the links between the pages keep it.
import { currentLanguage, setLanguage, t } from '../i18n';
import type { Definition } from '../types';
import { h } from './dom';

export function topBar(definition: Definition, onSwitch: (language: string) => void): HTMLElement {
  const offersEnglish = 'en' in definition.title;
  const other = currentLanguage() === 'nl' ? 'en' : 'nl';
  return h(
    'header',
    { class: 'top' },
    h('span', { class: 'brand' }, t('app.name')),
    offersEnglish
      ? h(
          'button',
          {
            type: 'button',
            class: 'link lang',
            lang: other,
            'aria-label': t('lang.switchLabel'),
            onclick: () => {
              setLanguage(other);
              const url = new URL(location.href);
              if (other === 'nl') {
                url.searchParams.delete('lang');
              } else {
                url.searchParams.set('lang', other);
              }
              history.replaceState(history.state, '', url);
              onSwitch(other);
            },
          },
          t('lang.switch'),
        )
      : null,
  );
}

/** The address of a page of the story point ('' the form, 'intrekken', 'verhalen') in the current language. */
export function pageUrl(slug: string, page = ''): string {
  const path = `/v/${encodeURIComponent(slug)}${page === '' ? '' : `/${page}`}`;
  return currentLanguage() === 'nl' ? path : `${path}?lang=${currentLanguage()}`;
}
