// The context figures on a card: a checkbox per figure of the story point, and for each copy on the card whose figure
// has since been replaced or deleted. The card keeps its own copy, so a later upload does not change it.
import { figureValue } from '../../card/figures';
import type { CardFigure, Figure } from '../../card/types';
import { h } from '../../form/dom';
import * as api from '../client';
import { checkbox } from '../fields';
import type { FigureView } from '../model';
import { w } from '../texts';

export const MAX_FIGURES = 3;

function label(f: Figure, gone: boolean): string {
  return w(gone ? 'card.figureGone' : 'card.figureLabel', {
    indicator: f.indicator,
    region: f.region,
    period: f.period,
    value: figureValue(f.value, f.unit),
    source: f.source,
  });
}

export function figuresEditor(
  slug: string,
  onCard: CardFigure[],
): {
  element: HTMLElement;
  ids: () => number[];
  reset: (figures: CardFigure[]) => void;
  tooMany: () => boolean;
} {
  let current = onCard;
  let available: FigureView[] = [];
  const boxes = h('div', { class: 'card-figures', id: 'card-figures' });
  const element = h(
    'section',
    { class: 'card', 'aria-labelledby': 'figures-heading' },
    h('h2', { id: 'figures-heading' }, w('card.figuresTitle')),
    h('p', { class: 'hint', id: 'card-figures-hint' }, w('card.figuresHint')),
    boxes,
  );
  /** Checked ids in the order they were checked; the card's own order first. */
  let order: number[] = onCard.map((f) => f.figure);

  const draw = () => {
    const ids = new Set(available.map((f) => f.id));
    const gone = current.filter((f) => !ids.has(f.figure));
    const rows: HTMLElement[] = [];
    const box = (id: number, text: string) => {
      const input = h('input', { type: 'checkbox', id: `card-figure-${id}`, value: String(id) });
      input.checked = order.includes(id);
      input.addEventListener('change', () => {
        order = input.checked ? [...order.filter((x) => x !== id), id] : order.filter((x) => x !== id);
      });
      rows.push(checkbox(input, text));
    };
    gone.forEach((f) => box(f.figure, label(f, true)));
    available.forEach((f) => box(f.id, label(f, false)));
    boxes.replaceChildren(...(rows.length > 0 ? rows : [h('p', {}, w('card.figuresNone'))]));
  };

  void (async () => {
    try {
      available = (await api.figures(slug)).sets.flatMap((s) => s.figures);
    } catch {
      available = [];
    }
    draw();
  })();
  draw();

  return {
    element,
    ids: () => [...order],
    tooMany: () => order.length > MAX_FIGURES,
    reset: (figures) => {
      current = figures;
      order = figures.map((f) => f.figure);
      draw();
    },
  };
}
