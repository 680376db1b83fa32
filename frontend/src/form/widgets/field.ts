// The frame every question shares: a fieldset with number and label, help, an error line, a clear button.
import { pick, t } from '../../i18n';
import type { Answer, Question } from '../../types';
import { h, uid } from '../dom';

export type OnAnswer = (answer: Answer | undefined) => void;

export interface Field {
  element: HTMLFieldSetElement;
  legendId: string;
  describedBy: string;
  body: HTMLElement;
  /** Shows or hides the "clear answer" button. */
  setClearable(clearable: boolean): void;
  onClear(handler: () => void): void;
}

export function questionField(q: Question): Field {
  const legendId = uid(`q-${q.id}-label`);
  const helpId = uid(`q-${q.id}-help`);
  const errorId = `q-${q.id}-error`;
  const legend = h(
    'legend',
    { id: legendId },
    h('span', { class: 'qnum' }, `${q.number}. `),
    pick(q.label),
    q.required ? h('span', { class: 'required' }, ` ${t('questions.requiredMark')}`) : null,
  );
  const help = q.help ? h('p', { class: 'help', id: helpId }, pick(q.help)) : null;
  const body = h('div', { class: 'question-body' });
  const clear = h('button', { type: 'button', class: 'link clear', hidden: true }, t('questions.clear'));
  const error = h('p', { class: 'error', id: errorId, hidden: true }, t('questions.required'));
  const element = h(
    'fieldset',
    { class: `question question-${q.type}`, id: `q-${q.id}`, 'data-question': q.id },
    legend,
    help,
    body,
    clear,
    error,
  );
  let clearHandler: () => void = () => undefined;
  clear.addEventListener('click', () => clearHandler());
  return {
    element,
    legendId,
    describedBy: [help ? helpId : null, errorId].filter(Boolean).join(' '),
    body,
    setClearable: (clearable) => {
      clear.hidden = !clearable;
    },
    onClear: (handler) => {
      clearHandler = handler;
    },
  };
}

/** Marks a question as missing an answer it needs, or clears that mark. */
export function showRequired(fieldset: HTMLElement, missing: boolean): void {
  const error = fieldset.querySelector<HTMLElement>('.error');
  if (error) {
    error.hidden = !missing;
  }
  fieldset.classList.toggle('invalid', missing);
  fieldset.querySelectorAll('input, textarea, [tabindex="0"]').forEach((el) => {
    if (missing) {
      el.setAttribute('aria-invalid', 'true');
    } else {
      el.removeAttribute('aria-invalid');
    }
  });
}
