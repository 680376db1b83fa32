// The form for an improvement proposal at a table: a title, what we are going to do, so that …, who takes
// it on, and (for a new one) which of the loose notes belong to it. The same form edits a proposal.
import { h } from '../form/dom';
import type { NoteView, ProposalInput, ProposalView } from '../session/types';
import { kindLabel } from './cards';
import { tt } from './texts';

export interface ProposalForm {
  element: HTMLElement;
  /** Starts editing a proposal (or a new one with null) and moves the focus to the form. */
  edit(proposal: ProposalView | null): void;
  /** Shows the notes that may go into a new proposal, keeping what was ticked. */
  notes(loose: NoteView[]): void;
  /** What is being written, to carry it over to a new form (after a change of language). */
  snapshot(): Snapshot;
  restore(snapshot: Snapshot): void;
}

export interface Snapshot {
  editing: ProposalView | null;
  values: string[];
  loose: NoteView[];
}

export function proposalForm(save: (id: string | null, input: ProposalInput) => Promise<void>): ProposalForm {
  let editing: ProposalView | null = null;
  const heading = h('h3', { id: 'proposal-form-heading', tabindex: -1 }, tt('proposal.new'));
  const field = (
    id: string,
    label: string,
    control: HTMLInputElement | HTMLTextAreaElement,
    hint?: string,
  ) => {
    control.setAttribute('aria-describedby', hint ? `${id}-hint ${id}-error` : `${id}-error`);
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
      control,
      h('p', { class: 'error', id: `${id}-error` }),
    );
  };
  const title = h('input', { type: 'text', id: 'proposal-title', maxlength: 200 });
  const action = h('textarea', { id: 'proposal-action', rows: 3, maxlength: 2000 });
  const goal = h('textarea', { id: 'proposal-goal', rows: 2, maxlength: 2000 });
  const owner = h('input', { type: 'text', id: 'proposal-owner', maxlength: 200 });
  const noteChoices = h('fieldset', { class: 'note-choices' });
  const status = h('p', { class: 'form-status', role: 'status', id: 'proposal-form-status' });
  const submit = h(
    'button',
    { type: 'submit', class: 'button primary', id: 'proposal-save' },
    tt('proposal.create'),
  );
  const cancel = h(
    'button',
    { type: 'button', class: 'button secondary', id: 'proposal-cancel', hidden: true },
    tt('proposal.cancel'),
  );
  const controls = [title, action, goal, owner];
  let loose: NoteView[] = [];

  const drawChoices = () => {
    const ticked = new Set(
      [...noteChoices.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value),
    );
    noteChoices.hidden = editing !== null || loose.length === 0;
    noteChoices.replaceChildren(
      h('legend', {}, tt('proposal.whichNotes')),
      ...loose.map((n) => {
        const id = `take-note-${n.id}`;
        return h(
          'div',
          { class: 'check' },
          h('input', { type: 'checkbox', id, value: String(n.id), checked: ticked.has(String(n.id)) }),
          h('label', { for: id }, `${kindLabel(n.kind)}: ${n.text}`),
        );
      }),
    );
  };

  const form = h(
    'form',
    { class: 'proposal-form', novalidate: true, 'aria-labelledby': 'proposal-form-heading' },
    heading,
    h('p', { class: 'hint' }, tt('proposal.formHint')),
    field('proposal-title', tt('proposal.title'), title),
    field('proposal-action', tt('proposal.action'), action, tt('proposal.actionHint')),
    field('proposal-goal', tt('proposal.goal'), goal, tt('proposal.goalHint')),
    field('proposal-owner', tt('proposal.owner'), owner, tt('proposal.ownerHint')),
    noteChoices,
    status,
    h('div', { class: 'actions' }, submit, cancel),
  );

  const reset = () => {
    editing = null;
    controls.forEach((c) => {
      c.value = '';
      c.removeAttribute('aria-invalid');
    });
    form.querySelectorAll('.error').forEach((e) => {
      e.textContent = '';
    });
    noteChoices.querySelectorAll<HTMLInputElement>('input').forEach((i) => {
      i.checked = false;
    });
    heading.textContent = tt('proposal.new');
    submit.textContent = tt('proposal.create');
    cancel.hidden = true;
    drawChoices();
  };
  cancel.addEventListener('click', () => {
    reset();
    status.textContent = tt('proposal.cancelled');
    title.focus();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    let first: HTMLElement | null = null;
    for (const c of controls) {
      const error = document.getElementById(`${c.id}-error`);
      if (c.value.trim() === '') {
        c.setAttribute('aria-invalid', 'true');
        if (error) error.textContent = tt('proposal.required');
        first = first ?? c;
      } else {
        c.removeAttribute('aria-invalid');
        if (error) error.textContent = '';
      }
    }
    if (first) {
      status.textContent = tt('proposal.fillAll');
      first.focus();
      return;
    }
    const input: ProposalInput = {
      title: title.value.trim(),
      action: action.value.trim(),
      goal: goal.value.trim(),
      owner: owner.value.trim(),
    };
    if (editing === null) {
      input.notes = [...noteChoices.querySelectorAll<HTMLInputElement>('input:checked')].map((i) =>
        Number(i.value),
      );
    }
    const wasEditing = editing !== null;
    submit.disabled = true;
    void save(editing?.id ?? null, input)
      .then(() => {
        reset();
        status.textContent = wasEditing
          ? tt('proposal.saved')
          : tt('proposal.created', { title: input.title });
      })
      .catch(() => {
        status.textContent = tt('proposal.failed');
      })
      .finally(() => {
        submit.disabled = false;
      });
  });

  return {
    element: form,
    edit: (proposal) => {
      reset();
      if (proposal) {
        editing = proposal;
        title.value = proposal.title;
        action.value = proposal.action;
        goal.value = proposal.goal;
        owner.value = proposal.owner;
        heading.textContent = tt('proposal.editing', { title: proposal.title });
        submit.textContent = tt('proposal.save');
        cancel.hidden = false;
        drawChoices();
      }
      status.textContent = '';
      heading.scrollIntoView({ block: 'start' });
      title.focus();
    },
    notes: (next) => {
      loose = next;
      drawChoices();
    },
    snapshot: () => ({ editing, values: controls.map((c) => c.value), loose }),
    restore: (snapshot) => {
      loose = snapshot.loose;
      if (snapshot.editing) {
        editing = snapshot.editing;
        heading.textContent = tt('proposal.editing', { title: snapshot.editing.title });
        submit.textContent = tt('proposal.save');
        cancel.hidden = false;
      }
      controls.forEach((c, i) => {
        c.value = snapshot.values[i] ?? '';
      });
      drawChoices();
    },
  };
}
