// The observation cards of a story point: the list, and downloading a deck (PDF to print, HTML to read)
// of the chosen cards, or of all cards when none are chosen.
import { append, h } from '../../form/dom';
import { pick } from '../../i18n';
import { BASE, type Ctx } from '../app';
import * as api from '../client';
import { formatDateTime, patternKindLabel } from '../labels';
import type { CardSummary } from '../model';
import { w } from '../texts';
import { cardAddress } from '../addresses';

export async function cardsView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  ctx.title(`${w('cards.title')} – ${pick(point.definition.title)}`);
  const list = await api.cards(slug);
  if (!ctx.alive()) return;
  append(ctx.main, h('h1', { tabindex: -1 }, w('cards.title')), h('p', { class: 'intro' }, w('cards.intro')));
  if (list.length === 0) {
    append(
      ctx.main,
      h(
        'p',
        { id: 'cards-empty' },
        w('cards.none'),
        ' ',
        h('a', { href: `${BASE}/${encodeURIComponent(slug)}/evaluaties` }, w('cards.toEvaluations')),
      ),
    );
    return;
  }
  const chosen = new Set<string>();
  const pdf = h('a', { class: 'button primary', id: 'deck-pdf', download: '' });
  const html = h('a', { class: 'button secondary', id: 'deck-html', target: '_blank', rel: 'noopener' });
  const what = h('p', { id: 'deck-what', 'aria-live': 'polite' });
  const update = () => {
    const ids = list.filter((card) => chosen.has(card.id)).map((card) => card.id);
    pdf.href = api.deckUrl(slug, 'pdf', ids);
    html.href = api.deckUrl(slug, 'html', ids);
    pdf.textContent = w('cards.pdf');
    html.textContent = w('cards.html');
    what.textContent =
      ids.length === 0
        ? w('cards.deckAll', { count: list.length })
        : w('cards.deckChosen', { count: ids.length });
  };
  update();
  append(
    ctx.main,
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'cards-caption' },
      h(
        'table',
        { class: 'data cards-table' },
        h('caption', { id: 'cards-caption', class: 'visually-hidden' }, w('cards.title')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, w('cards.choose'))),
            h('th', { scope: 'col' }, w('cards.cardTitle')),
            h('th', { scope: 'col' }, w('run.kind')),
            h('th', { scope: 'col', class: 'num' }, w('cards.stories')),
            h('th', { scope: 'col', class: 'num' }, w('cards.version')),
            h('th', { scope: 'col' }, w('cards.state')),
            h('th', { scope: 'col' }, w('cards.updated')),
          ),
        ),
        h('tbody', {}, ...list.map((card) => row(slug, card, chosen, update))),
      ),
    ),
    h(
      'section',
      { class: 'card deck', 'aria-labelledby': 'deck-heading' },
      h('h2', { id: 'deck-heading' }, w('cards.deckTitle')),
      what,
      h('div', { class: 'actions' }, pdf, html),
      h('p', { class: 'hint' }, w('cards.deckHint')),
    ),
  );
}

function row(slug: string, card: CardSummary, chosen: Set<string>, changed: () => void): HTMLElement {
  const box = h('input', {
    type: 'checkbox',
    id: `choose-${card.id}`,
    class: 'choose-card',
    value: card.id,
    'aria-label': w('cards.chooseLabel', { title: card.title }),
  });
  box.addEventListener('change', () => {
    if (box.checked) chosen.add(card.id);
    else chosen.delete(card.id);
    changed();
  });
  return h(
    'tr',
    { 'data-card': card.id },
    h('td', { class: 'check-cell' }, box),
    h(
      'th',
      { scope: 'row' },
      h('a', { href: cardAddress(slug, card.id), class: 'card-link' }, card.title),
      card.quotesWithdrawn > 0
        ? h('span', { class: 'badge warn' }, w('cards.quotesWithdrawn', { count: card.quotesWithdrawn }))
        : null,
    ),
    h('td', {}, patternKindLabel(card.pattern.split('|')[0])),
    h('td', { class: 'num' }, String(card.stories)),
    h('td', { class: 'num' }, String(card.version)),
    h(
      'td',
      {},
      card.published
        ? h('span', { class: 'badge strong' }, w('cards.published'))
        : h('span', { class: 'badge' }, w('cards.draft')),
    ),
    h('td', {}, w('cards.updatedBy', { name: card.updatedBy, when: formatDateTime(card.updatedAt) })),
  );
}
