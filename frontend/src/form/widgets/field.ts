// The frame every question shares: a fieldset with number and label, help, an error line, a clear button.
// The clear button and the error line keep their room while they are not shown, so that answering or going on
// moves nothing on the page.
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
  const clear = h('button', { type: 'button', class: 'link clear off' }, t('questions.clear'));
  // only a required question can miss its answer
  const error = q.required ? h('p', { class: 'error off', id: errorId }, t('questions.required')) : null;
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
    describedBy: [help ? helpId : null, error ? errorId : null].filter(Boolean).join(' '),
    body,
    setClearable: (clearable) => {
      clear.classList.toggle('off', !clearable);
    },
    onClear: (handler) => {
      clearHandler = handler;
    },
  };
}

/** Marks a question as missing an answer it needs, or clears that mark. */
export function showRequired(fieldset: HTMLElement, missing: boolean): void {
  fieldset.querySelector('.error')?.classList.toggle('off', !missing);
  fieldset.classList.toggle('invalid', missing);
  fieldset.querySelectorAll('input, textarea, [tabindex="0"]').forEach((el) => {
    if (missing) {
      el.setAttribute('aria-invalid', 'true');
    } else {
      el.removeAttribute('aria-invalid');
    }
  });
}
