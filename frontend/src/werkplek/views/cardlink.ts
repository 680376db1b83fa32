// "Maak een observatiekaart" on a pattern: drafts a card from it and opens the card's editor; when the
// pattern already has a card, a link to that card instead.
import { ApiError } from '../../api';
import { h } from '../../form/dom';
import { problemText, type Ctx } from '../app';
import * as api from '../client';
import type { CardSummary } from '../model';
import { w } from '../texts';
import { cardAddress } from '../addresses';

/** The cards of a story point by "runId|pattern key", to see which patterns have one. */
export async function cardsByPattern(slug: string): Promise<Map<string, CardSummary>> {
  const out = new Map<string, CardSummary>();
  (await api.cards(slug)).forEach((card) => out.set(`${card.runId}|${card.pattern}`, card));
  return out;
}

/**
 * The button that makes a card of a pattern, or the link to its card. {@code compact} is for a row of
 * the pattern table; {@code label} names the pattern for screen readers there.
 */
export function cardAction(
  ctx: Ctx,
  slug: string,
  runId: string,
  key: string,
  existing: CardSummary | undefined,
  compact: boolean,
  label?: string,
): HTMLElement {
  const area = h('span', { class: 'card-action', 'data-pattern': key });
  const linkTo = (id: string, text: string) =>
    h(
      'a',
      {
        href: cardAddress(slug, id),
        class: compact ? 'open-card' : 'button secondary open-card',
        'aria-label': label ? `${text}: ${label}` : null,
      },
      text,
    );
  if (existing) {
    area.append(linkTo(existing.id, compact ? w('cardLink.openShort') : w('cardLink.open')));
    return area;
  }
  const button = h(
    'button',
    {
      type: 'button',
      class: `button ${compact ? 'small secondary' : 'primary'} make-card`,
      'aria-label': label ? `${compact ? w('cardLink.makeShort') : w('cardLink.make')}: ${label}` : null,
    },
    compact ? w('cardLink.makeShort') : w('cardLink.make'),
  );
  const message = h('span', { class: 'error', role: 'alert' });
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = w('cardLink.making');
    void api
      .createCard(runId, key, slug)
      .then((card) => {
        ctx.go(cardAddress(slug, card.id));
      })
      .catch(async (error: unknown) => {
        if (error instanceof ApiError && error.status === 409) {
          // made by someone else in the meantime: go to that card
          const found = (await cardsByPattern(slug).catch(() => new Map<string, CardSummary>())).get(
            `${runId}|${key}`,
          );
          area.replaceChildren(
            h('span', { class: 'hint' }, w('cardLink.exists')),
            ' ',
            found ? linkTo(found.id, w('cardLink.open')) : '',
          );
          area.querySelector<HTMLElement>('a')?.focus();
          return;
        }
        button.disabled = false;
        button.textContent = compact ? w('cardLink.makeShort') : w('cardLink.make');
        message.textContent = problemText(error);
      });
  });
  area.append(button, message);
  return area;
}
