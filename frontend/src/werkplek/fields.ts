// Form fields of the workspace: a label, the control, an optional hint tied to it, and a place for the
// field's error; and a status line that says what happened.
import { h } from '../form/dom';

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A labelled field; the hint (if any) and the error line are read with the control. */
export function field(control: Control, label: string, hint?: string): HTMLElement {
  const id = control.id;
  const described = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  // a corrected field loses its error at once
  control.addEventListener('input', () => {
    if (control.getAttribute('aria-invalid') === 'true') fieldError(control, null);
  });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
    h('p', { class: 'error field-error', id: `${id}-error` }),
  );
}

/** A checkbox with its label after it. */
export function checkbox(input: HTMLInputElement, label: string, hint?: string): HTMLElement {
  if (hint) input.setAttribute('aria-describedby', `${input.id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('div', { class: 'check' }, input, h('label', { for: input.id }, label)),
    hint ? h('p', { class: 'hint', id: `${input.id}-hint` }, hint) : null,
  );
}

/** Marks a field as wrong with a message, or clears it (message null). */
export function fieldError(control: Control, message: string | null): void {
  const line = document.getElementById(`${control.id}-error`);
  if (line) line.textContent = message ?? '';
  if (message) {
    control.setAttribute('aria-invalid', 'true');
  } else {
    control.removeAttribute('aria-invalid');
  }
}

/** A status line (role=status) with say/fail helpers; it can take the focus so that news is not missed. */
export function statusLine(id: string): {
  element: HTMLElement;
  say: (text: string, focus?: boolean) => void;
  fail: (text: string, focus?: boolean) => void;
  clear: () => void;
} {
  const element = h('p', { class: 'status-line', role: 'status', tabindex: -1, id });
  const show = (text: string, error: boolean, focus: boolean) => {
    element.textContent = text;
    element.classList.toggle('error', error);
    if (focus) element.focus();
  };
  return {
    element,
    say: (text, focus = false) => show(text, false, focus),
    fail: (text, focus = true) => show(text, true, focus),
    clear: () => show('', false, false),
  };
}
