// Choice (radio buttons), multichoice (check boxes, at most `max`) and short text questions.
import { currentLanguage, pick, t } from '../../i18n';
import type { Answer, Question } from '../../types';
import { h } from '../dom';
import { questionField, type OnAnswer } from './field';

function offered(q: Question) {
  return (q.options ?? []).filter((o) => !o.retired);
}

export function choiceQuestion(q: Question, initial: Answer | undefined, onAnswer: OnAnswer): HTMLElement {
  const field = questionField(q);
  const inputs = offered(q).map((option) => {
    const id = `q-${q.id}-${option.id}`;
    const input = h('input', {
      type: 'radio',
      name: `q-${q.id}`,
      id,
      value: option.id,
      'aria-describedby': field.describedBy || null,
    });
    input.checked = initial === option.id;
    field.body.append(h('div', { class: 'check' }, input, h('label', { for: id }, pick(option.label))));
    input.addEventListener('change', () => {
      field.setClearable(true);
      onAnswer(option.id);
    });
    return input;
  });
  field.setClearable(initial !== undefined);
  field.onClear(() => {
    inputs.forEach((input) => {
      input.checked = false;
    });
    field.setClearable(false);
    onAnswer(undefined);
    inputs[0]?.focus();
  });
  return field.element;
}

export function multichoiceQuestion(
  q: Question,
  initial: Answer | undefined,
  onAnswer: OnAnswer,
): HTMLElement {
  const field = questionField(q);
  const chosen = new Set(Array.isArray(initial) ? (initial as string[]) : []);
  if (q.max) {
    field.body.append(h('p', { class: 'hint' }, t('questions.maxHint', { max: q.max })));
  }
  const inputs = offered(q).map((option) => {
    const id = `q-${q.id}-${option.id}`;
    const input = h('input', {
      type: 'checkbox',
      id,
      value: option.id,
      'aria-describedby': field.describedBy || null,
    });
    input.checked = chosen.has(option.id);
    field.body.append(h('div', { class: 'check' }, input, h('label', { for: id }, pick(option.label))));
    return input;
  });
  const update = () => {
    const full = q.max !== undefined && chosen.size >= q.max;
    inputs.forEach((input) => {
      input.disabled = full && !input.checked;
    });
    field.setClearable(chosen.size > 0);
  };
  inputs.forEach((input) =>
    input.addEventListener('change', () => {
      if (input.checked) {
        chosen.add(input.value);
      } else {
        chosen.delete(input.value);
      }
      update();
      // in the order of the options, as the server stores them
      const ordered = inputs.filter((i) => chosen.has(i.value)).map((i) => i.value);
      onAnswer(ordered.length > 0 ? ordered : undefined);
    }),
  );
  field.onClear(() => {
    chosen.clear();
    inputs.forEach((input) => {
      input.checked = false;
    });
    update();
    onAnswer(undefined);
    inputs[0]?.focus();
  });
  update();
  return field.element;
}

export function textQuestion(q: Question, initial: Answer | undefined, onAnswer: OnAnswer): HTMLElement {
  const field = questionField(q);
  const id = `q-${q.id}-input`;
  const area = h('textarea', {
    id,
    rows: 3,
    maxlength: 1000,
    'aria-labelledby': field.legendId,
    'aria-describedby': field.describedBy || null,
    lang: currentLanguage(),
  });
  area.value = typeof initial === 'string' ? initial : '';
  area.addEventListener('input', () => {
    field.setClearable(area.value.trim() !== '');
    onAnswer(area.value.trim() === '' ? undefined : area.value);
  });
  field.body.append(area);
  field.setClearable(area.value.trim() !== '');
  field.onClear(() => {
    area.value = '';
    field.setClearable(false);
    onAnswer(undefined);
    area.focus();
  });
  return field.element;
}
