// A bipolar slider 0..100 that has no value and no thumb until it is touched: a preset position would
// anchor answers, and an untouched slider must stay unanswered. Built on the native range input, so
// mouse, touch and keyboard (arrows, Page Up/Down, Home, End) work as people expect, and a tap on the
// line sets the value without dragging.
import { pick, sliderWords, t } from '../../i18n';
import type { Answer, Question } from '../../types';
import { h, reserved, uid } from '../dom';
import { questionField, type OnAnswer } from './field';

export { sliderWords };

const START_KEYS: Record<string, number> = {
  ArrowRight: 51,
  ArrowUp: 51,
  ArrowLeft: 49,
  ArrowDown: 49,
  PageUp: 60,
  PageDown: 40,
  Home: 0,
  End: 100,
};

export function sliderQuestion(q: Question, initial: Answer | undefined, onAnswer: OnAnswer): HTMLElement {
  const field = questionField(q);
  const left = pick(q.left);
  const right = pick(q.right);
  const polesId = uid(`q-${q.id}-poles`);
  const hintId = uid(`q-${q.id}-hint`);
  const input = h('input', {
    type: 'range',
    min: 0,
    max: 100,
    step: 1,
    value: 50,
    class: 'slider-input',
    id: `q-${q.id}-input`,
    'aria-labelledby': field.legendId,
    'aria-describedby': `${polesId} ${hintId} ${field.describedBy}`.trim(),
  });
  const readout = h('p', { class: 'slider-readout', 'aria-hidden': 'true' });
  // room for the longest read-out, so that a read-out that wraps to a second line moves nothing below it
  const readouts = [0, 10, 30, 50, 70, 90, 100].map((value) => `100 – ${sliderWords(value, left, right)}`);
  const poles = h(
    'div',
    { class: 'poles', id: polesId },
    h('span', { class: 'pole pole-left' }, left),
    h('span', { class: 'visually-hidden' }, ' – '),
    h('span', { class: 'pole pole-right' }, right),
  );
  const wrapper = h(
    'div',
    { class: 'slider', 'data-state': 'untouched' },
    poles,
    input,
    reserved(
      [readout],
      [...readouts, t('slider.notAnswered'), t('slider.notApplicable')].map((text) => [readout, text]),
    ),
  );
  field.body.append(wrapper, h('p', { class: 'hint', id: hintId }, t('slider.hint')));

  let na: HTMLInputElement | null = null;
  if (q.notApplicable) {
    na = h('input', { type: 'checkbox', id: `q-${q.id}-na`, class: 'na-input' });
    field.body.append(
      h('div', { class: 'check na' }, na, h('label', { for: `q-${q.id}-na` }, t('slider.notApplicable'))),
    );
  }

  const show = (answer: Answer | undefined) => {
    if (typeof answer === 'number') {
      input.value = String(answer);
      input.disabled = false;
      wrapper.dataset.state = 'answered';
      const words = sliderWords(answer, left, right);
      input.setAttribute('aria-valuetext', t('slider.value', { value: answer, words }));
      readout.textContent = `${answer} – ${words}`;
    } else {
      input.value = '50';
      input.disabled = answer === 'NA';
      wrapper.dataset.state = answer === 'NA' ? 'na' : 'untouched';
      input.setAttribute(
        'aria-valuetext',
        answer === 'NA' ? t('slider.notApplicable') : t('slider.notAnswered'),
      );
      readout.textContent = answer === 'NA' ? t('slider.notApplicable') : t('slider.notAnswered');
    }
    if (na) {
      na.checked = answer === 'NA';
    }
    field.setClearable(answer !== undefined);
  };
  const set = (answer: Answer | undefined) => {
    show(answer);
    onAnswer(answer);
  };

  input.addEventListener('input', () => set(input.valueAsNumber));
  // a tap exactly on the middle changes nothing, so no input event: it still answers
  input.addEventListener('pointerup', () => {
    if (wrapper.dataset.state === 'untouched' && !input.disabled) {
      set(input.valueAsNumber);
    }
  });
  input.addEventListener('keydown', (event) => {
    if (wrapper.dataset.state === 'untouched' && event.key in START_KEYS) {
      event.preventDefault();
      set(START_KEYS[event.key]);
    }
  });
  na?.addEventListener('change', () => set(na?.checked ? 'NA' : undefined));
  field.onClear(() => {
    set(undefined);
    input.focus();
  });
  show(initial);
  return field.element;
}
