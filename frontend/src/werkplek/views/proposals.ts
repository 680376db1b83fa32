// Improvement proposals of a session for the facilitator: the texts (title, what we will do, so that,
// who takes it on) to edit, whether it shows on the public page, its notes, the status with a short note
// on what was decided or done, and the history; and a proposal added by the facilitator.
import { append, h } from '../../form/dom';
import { STATUSES, type ProposalInput, type ProposalView, type Status } from '../../session/types';
import { problemText, type Ctx } from '../app';
import * as api from '../client';
import { field, fieldError, statusLine } from '../fields';
import { formatDateTime } from '../labels';
import { w, type WKey } from '../texts';
import type { SessionState } from './session';
import { noteKindLabel } from './sessiontable';

type Render = (focus?: string) => void;

export function statusLabel(status: string): string {
  return (STATUSES as readonly string[]).includes(status) ? w(`status.proposal.${status}` as WKey) : status;
}

/** The four texts of a proposal as fields; {@code prefix} makes the ids unique. */
function textFields(prefix: string, current: ProposalInput | null) {
  const title = h('input', { type: 'text', id: `${prefix}-title`, maxlength: 200, required: true });
  const action = h('textarea', { id: `${prefix}-action`, rows: 3, maxlength: 2000, required: true });
  const goal = h('textarea', { id: `${prefix}-goal`, rows: 2, maxlength: 2000, required: true });
  const owner = h('input', { type: 'text', id: `${prefix}-owner`, maxlength: 200, required: true });
  title.value = current?.title ?? '';
  action.value = current?.action ?? '';
  goal.value = current?.goal ?? '';
  owner.value = current?.owner ?? '';
  const controls = [title, action, goal, owner];
  return {
    elements: [
      field(title, w('proposal.title')),
      field(action, w('proposal.action')),
      field(goal, w('proposal.goal')),
      field(owner, w('proposal.owner'), w('proposal.ownerHint')),
    ],
    /** The texts, or null after marking the empty ones. */
    read(): ProposalInput | null {
      controls.forEach((c) => fieldError(c, null));
      const empty = controls.filter((c) => c.value.trim() === '');
      empty.forEach((c) => fieldError(c, w('proposal.required')));
      if (empty.length > 0) {
        empty[0].focus();
        return null;
      }
      return {
        title: title.value.trim(),
        action: action.value.trim(),
        goal: goal.value.trim(),
        owner: owner.value.trim(),
      };
    },
  };
}

export function proposalArticle(ctx: Ctx, state: SessionState, p: ProposalView, render: Render): HTMLElement {
  const key = `proposal-${p.id}`;
  const table = state.view.tables.find((t) => t.id === p.tableId);
  const notes = state.view.notes.filter((n) => n.proposalId === p.id);
  const status = statusLine(`${key}-status`);
  const replace = (updated: ProposalView) => {
    state.view = {
      ...state.view,
      proposals: state.view.proposals.map((x) => (x.id === updated.id ? updated : x)),
    };
  };

  // publish: saved at once
  const publish = h('input', {
    type: 'checkbox',
    id: `${key}-published`,
    class: 'publish-proposal',
    checked: p.published,
  });
  publish.addEventListener('change', () => {
    publish.disabled = true;
    void api
      .editProposal(p.id, {
        title: p.title,
        action: p.action,
        goal: p.goal,
        owner: p.owner,
        published: publish.checked,
      })
      .then((updated) => {
        replace(updated);
        render(`#${key}-published`);
        const line = document.getElementById(`${key}-status`);
        if (line) line.textContent = updated.published ? w('proposal.nowPublic') : w('proposal.nowHidden');
        ctx.announce(updated.published ? w('proposal.nowPublic') : w('proposal.nowHidden'));
      })
      .catch((error: unknown) => {
        publish.disabled = false;
        publish.checked = p.published;
        status.fail(problemText(error));
      });
  });

  // the texts
  const texts = textFields(`${key}-edit`, p);
  const editForm = h(
    'form',
    { class: 'proposal-edit', novalidate: true },
    ...texts.elements,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button small primary' }, w('proposal.saveTexts')),
    ),
  );
  editForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = texts.read();
    if (!input) return;
    void api
      .editProposal(p.id, { ...input, published: p.published })
      .then((updated) => {
        replace(updated);
        render(`#${key}-status`);
        const line = document.getElementById(`${key}-status`);
        if (line) line.textContent = w('proposal.textsSaved');
      })
      .catch((error: unknown) => status.fail(problemText(error)));
  });

  // a decision or progress
  const statusSelect = h(
    'select',
    { id: `${key}-new-status`, class: 'new-status' },
    ...STATUSES.map((s) => h('option', { value: s, selected: s === p.status }, statusLabel(s))),
  );
  const note = h('textarea', { id: `${key}-update-note`, rows: 2, maxlength: 2000, class: 'update-note' });
  const updateForm = h(
    'form',
    { class: 'proposal-update', novalidate: true, 'aria-labelledby': `${key}-update-heading` },
    h('h4', { id: `${key}-update-heading` }, w('proposal.updateTitle')),
    field(statusSelect, w('proposal.status')),
    field(note, w('proposal.updateNote'), w('proposal.updateNoteHint')),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button small primary add-update' }, w('proposal.addUpdate')),
    ),
  );
  updateForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void api
      .addUpdate(p.id, statusSelect.value as Status, note.value.trim())
      .then((updated) => {
        replace(updated);
        render(`#${key}-status`);
        const line = document.getElementById(`${key}-status`);
        if (line) line.textContent = w('proposal.updateSaved', { status: statusLabel(updated.status) });
      })
      .catch((error: unknown) => status.fail(problemText(error)));
  });

  return h(
    'article',
    { class: 'card proposal', 'data-proposal': p.id, 'aria-labelledby': `${key}-heading` },
    h('h3', { id: `${key}-heading`, tabindex: -1 }, p.title),
    h(
      'p',
      { class: 'meta' },
      table ? w('proposal.fromTable', { name: table.name }) : w('proposal.fromSession'),
      ' · ',
      h('span', { class: 'badge proposal-status' }, statusLabel(p.status)),
      ' ',
      p.published ? h('span', { class: 'badge strong' }, w('proposal.public')) : null,
    ),
    status.element,
    h(
      'dl',
      { class: 'facts proposal-texts' },
      h('dt', {}, w('proposal.action')),
      h('dd', {}, p.action),
      h('dt', {}, w('proposal.goal')),
      h('dd', {}, p.goal),
      h('dt', {}, w('proposal.owner')),
      h('dd', {}, p.owner),
    ),
    h('div', { class: 'check' }, publish, h('label', { for: publish.id }, w('proposal.publish'))),
    h('p', { class: 'hint' }, w('proposal.publishHint')),
    notes.length > 0
      ? h(
          'details',
          { class: 'proposal-notes' },
          h('summary', {}, w('proposal.notes', { count: notes.length })),
          h(
            'ul',
            {},
            ...notes.map((n) =>
              h('li', {}, h('span', { class: 'hint' }, `${noteKindLabel(n.kind)}: `), n.text),
            ),
          ),
        )
      : h('p', { class: 'hint' }, w('proposal.noNotes')),
    h('details', { class: 'proposal-edit-box' }, h('summary', {}, w('proposal.editTexts')), editForm),
    updateForm,
    history(p),
  );
}

function history(p: ProposalView): HTMLElement {
  const box = h('div', { class: 'proposal-history' }, h('h4', {}, w('proposal.history')));
  if (p.updates.length === 0) {
    box.append(h('p', { class: 'hint' }, w('proposal.noHistory')));
    return box;
  }
  append(
    box,
    h(
      'ol',
      { class: 'updates' },
      ...p.updates.map((u) =>
        h(
          'li',
          {},
          h('strong', {}, statusLabel(u.status)),
          ` · ${formatDateTime(u.doneAt)}${u.doneBy ? ` · ${u.doneBy}` : ''}`,
          u.note ? h('p', { class: 'update-text' }, u.note) : null,
        ),
      ),
    ),
  );
  return box;
}

/** A proposal the facilitator adds directly, e.g. from notes on paper: for one table or the whole session. */
export function newProposalForm(ctx: Ctx, state: SessionState, render: Render): HTMLElement {
  const tableSelect = h(
    'select',
    { id: 'new-proposal-table' },
    h('option', { value: '' }, w('proposal.wholeSession')),
    ...state.view.tables.map((t) => h('option', { value: t.id }, t.name)),
  );
  const texts = textFields('new-proposal', null);
  const status = statusLine('new-proposal-status');
  const form = h(
    'form',
    { class: 'card new-proposal', novalidate: true, 'aria-labelledby': 'new-proposal-heading' },
    h('h3', { id: 'new-proposal-heading' }, w('proposal.newTitle')),
    h('p', { class: 'hint' }, w('proposal.newHint')),
    field(tableSelect, w('proposal.forTable')),
    ...texts.elements,
    status.element,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button primary', id: 'new-proposal-save' }, w('proposal.create')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = texts.read();
    if (!input) return;
    void api
      .addProposal(state.view.id, tableSelect.value || null, { ...input, notes: [] })
      .then((created) => {
        state.view = { ...state.view, proposals: [...state.view.proposals, created] };
        render(`[data-proposal="${created.id}"] h3`);
        ctx.announce(w('proposal.created', { title: created.title }));
      })
      .catch((error: unknown) => status.fail(problemText(error)));
  });
  return form;
}
