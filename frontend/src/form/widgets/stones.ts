// Stones: several items placed on one square field with two bipolar axes (left–right across, bottom–top up). The
// answer is, per item placed, its place [x, y] (0..100 each, y counted upwards), or "NA" for "not applicable"; an
// item left off is not in the answer. Every way to place an item works on its own:
// - drag a stone with mouse, finger or pen;
// - tap or click the field to put the chosen item there (one pointer, no dragging);
// - keyboard: "Zet in het veld" puts the item in the middle and gives its stone the focus; the arrow keys move it
//   by 5 (with Shift by 1), Home and End go to the left and right edge, Page Up and Page Down to the top and
//   bottom; Delete takes it off the field. Every move is said in words in a live region;
// - two ordinary sliders per item ("Met schuifjes"), for those who cannot or will not use the field.
import { pick, sliderWords, t } from '../../i18n';
import type { Answer, Place, Question, StonesAnswer } from '../../types';
import { h, uid } from '../dom';
import { questionField, type OnAnswer } from './field';
import { svg } from './triad';

const STEP = 5;
/** How far the grid lies inside the field: half a stone (see style.css). */
const INSET = '1.25rem';

interface Poles {
  left: string;
  right: string;
  bottom: string;
  top: string;
}

function poles(q: Question): Poles {
  return { left: pick(q.left), right: pick(q.right), bottom: pick(q.bottom), top: pick(q.top) };
}

/** A place in words: "meer naar dichtbij, dicht bij veel hulp". */
export function placeWords(place: Place, p: Poles): string {
  return t('stones.place', {
    across: sliderWords(place[0], p.left, p.right),
    up: sliderWords(place[1], p.bottom, p.top),
  });
}

/** The whole answer in words, item by item, as the review screen says it. */
export function describeStones(q: Question, answer: StonesAnswer): string {
  const p = poles(q);
  return (q.items ?? [])
    .filter((item) => answer[item.id] !== undefined)
    .map((item) => {
      const place = answer[item.id];
      return `${pick(item.label)}: ${place === 'NA' ? t('stones.notApplicable') : placeWords(place, p)}`;
    })
    .join('; ');
}

/** A coordinate kept inside the field, as a whole number. */
export function clamp(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

/** Where a key moves a place: arrows by {@code STEP} (by 1 with Shift), Home/End across, Page Up/Down up; else null. */
export function moved(place: Place, key: string, fine: boolean): Place | null {
  const step = fine ? 1 : STEP;
  const [x, y] = place;
  switch (key) {
    case 'ArrowLeft':
      return [clamp(x - step), y];
    case 'ArrowRight':
      return [clamp(x + step), y];
    case 'ArrowUp':
      return [x, clamp(y + step)];
    case 'ArrowDown':
      return [x, clamp(y - step)];
    case 'Home':
      return [0, y];
    case 'End':
      return [100, y];
    case 'PageUp':
      return [x, 100];
    case 'PageDown':
      return [x, 0];
    default:
      return null;
  }
}

export function stonesQuestion(q: Question, initial: Answer | undefined, onAnswer: OnAnswer): HTMLElement {
  const field = questionField(q);
  const p = poles(q);
  const items = (q.items ?? []).filter((item) => !item.retired);
  const hintId = uid(`q-${q.id}-hint`);
  const state: StonesAnswer = {};
  if (initial && typeof initial === 'object' && !Array.isArray(initial)) {
    for (const item of items) {
      const place = initial[item.id];
      if (place === 'NA' || (Array.isArray(place) && place.length === 2)) {
        state[item.id] = place;
      }
    }
  }
  let active: string | undefined = items[0]?.id;

  // the field: a light grid with the middle lines stronger, the stones on top
  const grid = svg('svg', {
    viewBox: '0 0 100 100',
    class: 'stones-grid',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  grid.append(svg('rect', { x: 0, y: 0, width: 100, height: 100, class: 'stones-area' }));
  for (let i = 10; i < 100; i += 10) {
    const kind = i === 50 ? 'stones-mid' : 'stones-line';
    grid.append(svg('line', { x1: i, y1: 0, x2: i, y2: 100, class: kind }));
    grid.append(svg('line', { x1: 0, y1: i, x2: 100, y2: i, class: kind }));
  }
  const surface = h('div', { class: 'stones-field' }, grid);
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', id: uid(`q-${q.id}-live`) });
  const tapLine = h('p', { class: 'hint stones-tap' });

  interface Row {
    stone: HTMLElement;
    status: HTMLElement;
    place: HTMLButtonElement;
    na: HTMLInputElement | null;
    across: HTMLInputElement;
    up: HTMLInputElement;
  }
  const rows = new Map<string, Row>();

  const list = h('ol', { class: 'stones-items' });
  items.forEach((item, index) => {
    const label = pick(item.label);
    const statusId = uid(`q-${q.id}-${item.id}-status`);
    const stone = h(
      'span',
      {
        class: 'stone',
        tabindex: -1,
        role: 'group',
        'aria-roledescription': t('stones.roleDescription'),
        'aria-label': label,
        'aria-describedby': `${statusId} ${hintId}`,
        'data-item': item.id,
      },
      String(index + 1),
    );
    surface.append(stone);
    const status = h('span', { class: 'stones-status', id: statusId });
    const place = h('button', { type: 'button', class: 'button stones-place', 'data-item': item.id });
    const acrossId = uid(`q-${q.id}-${item.id}-x`);
    const upId = uid(`q-${q.id}-${item.id}-y`);
    const range = (id: string) =>
      h('input', { type: 'range', min: 0, max: 100, step: 1, value: 50, id, class: 'slider-input' });
    const across = range(acrossId);
    const up = range(upId);
    let na: HTMLInputElement | null = null;
    const naId = `q-${q.id}-${item.id}-na`;
    if (q.notApplicable) {
      na = h('input', { type: 'checkbox', id: naId, class: 'na-input' });
    }
    list.append(
      h(
        'li',
        { class: 'stones-item', 'data-item': item.id },
        h(
          'div',
          { class: 'stones-head' },
          h('span', { class: 'stone-key', 'aria-hidden': 'true' }, String(index + 1)),
          h('span', { class: 'stones-name' }, label),
        ),
        status,
        h('div', { class: 'stones-actions' }, place),
        na
          ? h(
              'div',
              { class: 'check na' },
              na,
              h(
                'label',
                { for: naId },
                t('stones.notApplicable'),
                h('span', { class: 'visually-hidden' }, `: ${label}`),
              ),
            )
          : null,
        h(
          'details',
          { class: 'stones-sliders' },
          h('summary', {}, t('stones.sliders'), h('span', { class: 'visually-hidden' }, `: ${label}`)),
          h('label', { for: acrossId }, t('stones.across', { left: p.left, right: p.right })),
          across,
          h('label', { for: upId }, t('stones.up', { bottom: p.bottom, top: p.top })),
          up,
        ),
      ),
    );
    rows.set(item.id, { stone, status, place, na, across, up });
  });

  field.body.append(
    h(
      'div',
      { class: 'stones' },
      h('p', { class: 'stones-pole stones-top' }, `↑ ${p.top}`),
      surface,
      h('p', { class: 'stones-pole stones-bottom' }, `↓ ${p.bottom}`),
      h(
        'div',
        { class: 'poles stones-across' },
        h('span', { class: 'pole pole-left' }, `← ${p.left}`),
        h('span', { class: 'pole pole-right' }, `${p.right} →`),
      ),
    ),
    tapLine,
    h('p', { class: 'hint', id: hintId }, t('stones.hint')),
    live,
    list,
  );

  const show = () => {
    for (const item of items) {
      const row = rows.get(item.id);
      if (!row) {
        continue;
      }
      const place = state[item.id];
      const placed = Array.isArray(place);
      row.stone.classList.toggle('off', !placed);
      row.stone.classList.toggle('active', placed && active === item.id);
      row.stone.tabIndex = placed ? 0 : -1;
      if (placed) {
        // the grid is inset by half a stone, so that a stone at an edge stays inside the field
        row.stone.style.left = `calc(${INSET} + (100% - 2 * ${INSET}) * ${place[0] / 100})`;
        row.stone.style.top = `calc(${INSET} + (100% - 2 * ${INSET}) * ${(100 - place[1]) / 100})`;
        row.across.value = String(place[0]);
        row.up.value = String(place[1]);
      }
      const words = placed
        ? placeWords(place, p)
        : place === 'NA'
          ? t('stones.notApplicable')
          : t('stones.notPlaced');
      row.status.textContent = words;
      row.across.setAttribute(
        'aria-valuetext',
        placed
          ? t('slider.value', { value: place[0], words: sliderWords(place[0], p.left, p.right) })
          : t('stones.notPlaced'),
      );
      row.up.setAttribute(
        'aria-valuetext',
        placed
          ? t('slider.value', { value: place[1], words: sliderWords(place[1], p.bottom, p.top) })
          : t('stones.notPlaced'),
      );
      row.across.disabled = place === 'NA';
      row.up.disabled = place === 'NA';
      row.place.textContent = placed ? t('stones.remove') : t('stones.put');
      row.place.disabled = place === 'NA';
      row.place.append(h('span', { class: 'visually-hidden' }, `: ${pick(item.label)}`));
      if (row.na) {
        row.na.checked = place === 'NA';
      }
    }
    const chosen = items.find((item) => item.id === active);
    tapLine.textContent = chosen ? t('stones.tapFor', { item: pick(chosen.label) }) : '';
    field.setClearable(Object.keys(state).length > 0);
  };
  const commit = () => {
    show();
    onAnswer(Object.keys(state).length > 0 ? { ...state } : undefined);
  };
  const label = (id: string) => pick(items.find((item) => item.id === id)?.label);
  const say = (id: string) => {
    const place = state[id];
    live.textContent =
      place === undefined
        ? t('stones.removed', { item: label(id) })
        : place === 'NA'
          ? `${label(id)}: ${t('stones.notApplicable')}`
          : `${label(id)}: ${place[0]} ${t('stones.of100')}, ${place[1]} ${t('stones.of100')}; ${placeWords(place, p)}`;
  };
  const put = (id: string, place: Place | 'NA' | undefined) => {
    if (place === undefined) {
      delete state[id];
    } else {
      state[id] = place;
    }
    active = id;
    commit();
    say(id);
  };
  /** The place of a pointer on the field. */
  const at = (event: PointerEvent): Place => {
    const box = grid.getBoundingClientRect();
    return [
      clamp(((event.clientX - box.left) / box.width) * 100),
      clamp(100 - ((event.clientY - box.top) / box.height) * 100),
    ];
  };

  rows.forEach((row, id) => {
    row.place.addEventListener('click', () => {
      if (Array.isArray(state[id])) {
        put(id, undefined);
        row.place.focus();
      } else {
        put(id, [50, 50]);
        row.stone.focus();
      }
    });
    row.na?.addEventListener('change', () => put(id, row.na?.checked ? 'NA' : undefined));
    const fromSliders = () => put(id, [row.across.valueAsNumber, row.up.valueAsNumber]);
    row.across.addEventListener('input', fromSliders);
    row.up.addEventListener('input', fromSliders);
    for (const element of [row.stone, row.across, row.up]) {
      element.addEventListener('focus', () => {
        active = id;
        show();
      });
    }
    row.stone.addEventListener('keydown', (event) => {
      const place = state[id];
      if (!Array.isArray(place)) {
        return;
      }
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        put(id, undefined);
        row.place.focus();
        return;
      }
      const next = moved(place, event.key, event.shiftKey);
      if (next) {
        event.preventDefault();
        put(id, next);
      }
    });
    // dragging: the stone follows the pointer until it is let go
    row.stone.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      event.stopPropagation();
      active = id;
      row.stone.setPointerCapture(event.pointerId);
      row.stone.focus();
    });
    row.stone.addEventListener('pointermove', (event) => {
      if (row.stone.hasPointerCapture(event.pointerId)) {
        state[id] = at(event);
        show();
      }
    });
    row.stone.addEventListener('pointerup', (event) => {
      if (row.stone.hasPointerCapture(event.pointerId)) {
        row.stone.releasePointerCapture(event.pointerId);
        put(id, at(event));
      }
    });
  });
  // a tap on the field puts the chosen item there: no dragging needed
  surface.addEventListener('pointerdown', (event) => {
    if (active === undefined || state[active] === 'NA') {
      return;
    }
    put(active, at(event));
  });

  field.onClear(() => {
    Object.keys(state).forEach((id) => delete state[id]);
    commit();
    live.textContent = t('stones.cleared');
    rows.get(items[0]?.id ?? '')?.place.focus();
  });
  show();
  return field.element;
}
