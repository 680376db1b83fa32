// The trend on a card ("Door de tijd"): the monitoring result put on the card, as it was then (a snapshot that new
// stories do not change), drawn as on the monitoring page, with a button to take it off. Without a trend, a hint
// where to make one.
import { h } from '../../form/dom';
import { problemText } from '../app';
import { pointAddress } from '../addresses';
import * as api from '../client';
import { statusLine } from '../fields';
import { formatDateTime } from '../labels';
import type { CardView } from '../model';
import type { Definition } from '../../types';
import { w } from '../texts';
import { monitorResult } from './monitor';

export function trendSection(
  slug: string,
  d: Definition,
  initial: CardView,
  changed: (card: CardView) => void,
): { element: HTMLElement; reset: (card: CardView) => void } {
  let card = initial;
  const body = h('div', { id: 'card-trend' });
  const status = statusLine('card-trend-status');
  const element = h(
    'section',
    { class: 'card', 'aria-labelledby': 'trend-heading' },
    h('h2', { id: 'trend-heading' }, w('card.trendTitle')),
    body,
    status.element,
  );

  const draw = () => {
    const trend = card.trend;
    if (!trend) {
      body.replaceChildren(
        h(
          'p',
          { class: 'hint' },
          w('card.trendNone'),
          ' ',
          h('a', { href: `${pointAddress(slug)}/monitoring` }, w('card.trendMake')),
        ),
      );
      return;
    }
    const names = {
      focus: trend.focus ?? w('monitor.groupAll'),
      rest: trend.rest ?? w('monitor.groupRest'),
    };
    const interval = trend.monitor.interval === 'month' ? w('monitor.perMonth') : w('monitor.perQuarter');
    const remove = h(
      'button',
      { type: 'button', class: 'button', id: 'card-trend-remove' },
      w('card.trendRemove'),
    );
    remove.addEventListener('click', () => {
      remove.disabled = true;
      status.say(w('card.saving'));
      api
        .removeTrend(card.id, card.version)
        .then((updated) => {
          card = updated;
          changed(updated);
          draw();
          status.say(w('card.trendRemoved', { version: updated.version }), true);
        })
        .catch((error: unknown) => {
          remove.disabled = false;
          status.fail(problemText(error));
        });
    });
    // the section is drawn before it is on the page: take the width of the page's main column, less the card's padding
    const width = Math.max(
      280,
      (element.clientWidth || document.querySelector('main')?.clientWidth || 680) - 48,
    );
    body.replaceChildren(
      h(
        'p',
        { id: 'card-trend-scope' },
        trend.focus
          ? w('card.trendScopeCompared', {
              scope: trend.scope,
              interval: interval.toLowerCase(),
              focus: trend.focus,
              rest: (trend.rest ?? '').toLowerCase(),
            })
          : w('card.trendScope', { scope: trend.scope, interval: interval.toLowerCase() }),
      ),
      ...trend.monitor.indicators.flatMap((_, i) =>
        monitorResult(d, trend.monitor, names, width, i, `-${i}`),
      ),
      h(
        'p',
        { class: 'hint', id: 'card-trend-taken' },
        w('card.trendTaken', { when: formatDateTime(trend.takenAt), name: trend.takenBy }),
      ),
      h('p', { class: 'actions' }, remove),
    );
  };
  draw();
  return {
    element,
    reset: (updated) => {
      card = updated;
      draw();
    },
  };
}
