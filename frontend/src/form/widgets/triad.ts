// A triad: a point in a triangle whose three corners are the three labels; the answer is the three
// shares (summing to 100). The point is placed with one tap or click, or moved with the arrow keys,
// and the shares are always shown as numbers.
import { pick, t } from '../../i18n';
import type { Answer, Question } from '../../types';
import { h, reserved, uid } from '../dom';
import { questionField, type OnAnswer } from './field';

const SVG = 'http://www.w3.org/2000/svg';
// corners of the triangle in a 200 × 180 view: top (a), bottom left (b), bottom right (c)
const A = { x: 100, y: 12 };
const B = { x: 10, y: 168 };
const C = { x: 190, y: 168 };
const STEP = 5;

type Shares = [number, number, number];

/** An SVG element with its attributes. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => element.setAttribute(k, String(v)));
  return element;
}

/** Barycentric shares of a point, clamped into the triangle and rounded to whole percents summing to 100. */
export function sharesAt(x: number, y: number): Shares {
  const det = (B.y - C.y) * (A.x - C.x) + (C.x - B.x) * (A.y - C.y);
  let a = ((B.y - C.y) * (x - C.x) + (C.x - B.x) * (y - C.y)) / det;
  let b = ((C.y - A.y) * (x - C.x) + (A.x - C.x) * (y - C.y)) / det;
  a = Math.max(0, a);
  b = Math.max(0, b);
  let c = Math.max(0, 1 - a - b);
  const sum = a + b + c;
  a /= sum;
  b /= sum;
  c /= sum;
  const ra = Math.round(a * 100);
  const rb = Math.round(b * 100);
  return [ra, rb, Math.max(0, 100 - ra - rb)] as Shares;
}

export function pointOf(shares: Shares): { x: number; y: number } {
  const [a, b, c] = shares.map((s) => s / 100);
  return { x: a * A.x + b * B.x + c * C.x, y: a * A.y + b * B.y + c * C.y };
}

export function triadQuestion(q: Question, initial: Answer | undefined, onAnswer: OnAnswer): HTMLElement {
  const field = questionField(q);
  const corners = (q.corners ?? []).map((c) => pick(c));
  const hintId = uid(`q-${q.id}-hint`);
  const outputId = uid(`q-${q.id}-shares`);
  const drawing = svg('svg', {
    viewBox: '0 0 200 180',
    class: 'triad-svg',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  drawing.append(
    svg('polygon', { points: `${A.x},${A.y} ${B.x},${B.y} ${C.x},${C.y}`, class: 'triad-shape' }),
  );
  const dot = svg('circle', { r: 7, class: 'triad-dot', cx: -20, cy: -20 });
  drawing.append(dot);
  const surface = h(
    'div',
    {
      class: 'triad-surface',
      tabindex: 0,
      role: 'group',
      'aria-roledescription': t('triad.roleDescription'),
      'aria-labelledby': field.legendId,
      'aria-describedby': `${hintId} ${outputId} ${field.describedBy}`.trim(),
    },
    drawing,
  );
  const output = h('output', { id: outputId, class: 'triad-output', 'aria-live': 'polite' });
  field.body.append(
    h(
      'div',
      { class: 'triad' },
      h('span', { class: 'corner corner-a' }, corners[0] ?? ''),
      surface,
      h(
        'div',
        { class: 'corner-row' },
        h('span', { class: 'corner corner-b' }, corners[1] ?? ''),
        h('span', { class: 'corner corner-c' }, corners[2] ?? ''),
      ),
    ),
    // room for the longest shares, so that placing the point moves nothing below them
    reserved(
      [output],
      [
        [output, t('triad.shares', { a: corners[0], b: corners[1], c: corners[2], x: 100, y: 100, z: 100 })],
        [output, t('triad.notAnswered')],
      ],
    ),
    h('p', { class: 'hint', id: hintId }, t('triad.hint')),
  );

  let current: Shares | undefined =
    Array.isArray(initial) && initial.length === 3 ? (initial as Shares) : undefined;
  const show = () => {
    if (current) {
      const p = pointOf(current);
      dot.setAttribute('cx', String(p.x));
      dot.setAttribute('cy', String(p.y));
      surface.dataset.state = 'answered';
      output.textContent = t('triad.shares', {
        a: corners[0],
        b: corners[1],
        c: corners[2],
        x: current[0],
        y: current[1],
        z: current[2],
      });
    } else {
      dot.setAttribute('cx', '-20');
      dot.setAttribute('cy', '-20');
      surface.dataset.state = 'untouched';
      output.textContent = t('triad.notAnswered');
    }
    field.setClearable(current !== undefined);
  };
  const set = (shares: Shares | undefined) => {
    current = shares;
    show();
    onAnswer(shares ? [...shares] : undefined);
  };

  surface.addEventListener('pointerdown', (event) => {
    const box = drawing.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * 200;
    const y = ((event.clientY - box.top) / box.height) * 180;
    set(sharesAt(x, y));
  });
  surface.addEventListener('keydown', (event) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
    };
    const move = moves[event.key];
    if (!move) {
      return;
    }
    event.preventDefault();
    const from = current ? pointOf(current) : pointOf([34, 33, 33]);
    set(current ? sharesAt(from.x + move[0], from.y + move[1]) : [34, 33, 33]);
  });
  field.onClear(() => {
    set(undefined);
    surface.focus();
  });
  show();
  return field.element;
}
