// Context figures (cijfers naast de verhalen): figures from outside sources, shown as given with their source. A
// card carries copies of them; the workspace and the table page show them in the same small table.
import { h } from '../form/dom';
import { currentLanguage } from '../lang';
import { c } from './texts';
import type { Figure } from './types';

/**
 * A value as the API gives it ("1250.5", a decimal with a point, as many decimals as it was given) in the current
 * language, with its unit: "1.250,5" in Dutch, "1,250.5" in English; % and ‰ right after the number, any other unit
 * after a no-break space.
 */
export function figureValue(value: string, unit: string): string {
  const negative = value.startsWith('-');
  const [whole, fraction] = (negative ? value.slice(1) : value).split('.');
  const dutch = currentLanguage() !== 'en';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, dutch ? '.' : ',');
  const number =
    (negative ? '−' : '') + grouped + (fraction === undefined ? '' : (dutch ? ',' : '.') + fraction);
  if (unit === '') return number;
  return unit === '%' || unit === '‰' ? `${number}${unit}` : `${number}\u00a0${unit}`;
}

/**
 * Figures as a small table with a caption: on a card (every column, and the note that they do not come from the
 * stories), or the figures of one indicator ({@code indicator} as the caption, without that column or the note).
 */
export function figureTable(figures: Figure[], captionId: string, indicator?: string): HTMLElement {
  const all = indicator === undefined;
  return h(
    'div',
    { class: 'context-figures' },
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': captionId },
      h(
        'table',
        { class: 'card-numbers figures-table' },
        h('caption', { id: captionId, class: 'data-caption' }, all ? c('card.figures') : indicator),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            all ? h('th', { scope: 'col' }, c('figures.indicator')) : null,
            h('th', { scope: 'col' }, c('figures.region')),
            h('th', { scope: 'col' }, c('figures.period')),
            h('th', { scope: 'col', class: 'num' }, c('figures.value')),
            h('th', { scope: 'col' }, c('figures.source')),
          ),
        ),
        h(
          'tbody',
          {},
          ...figures.map((f) =>
            h(
              'tr',
              {},
              all ? h('th', { scope: 'row' }, f.indicator) : null,
              h(all ? 'td' : 'th', all ? {} : { scope: 'row' }, f.region),
              h('td', {}, f.period),
              h('td', { class: 'num' }, figureValue(f.value, f.unit)),
              h('td', {}, f.source),
            ),
          ),
        ),
      ),
    ),
    all ? h('p', { class: 'hint' }, c('figures.external')) : null,
  );
}
