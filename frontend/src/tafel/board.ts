// The notes of a table and its improvement proposals: the notes not in a proposal, grouped by kind, and
// each proposal with its notes. A note goes into a proposal by dragging it there, or with the "Verplaats
// naar" choice on the note (keyboard and screen readers). Redrawn when someone at the table changes
// something; what has the focus keeps it.
import { h } from '../form/dom';
import { NOTE_KINDS, type NoteView, type ProposalView } from '../session/types';
import { kindLabel } from './cards';
import type { TableView } from './model';
import { tt } from './texts';

export interface BoardActions {
  move(noteId: number, proposalId: string | null): Promise<void>;
  remove(noteId: number): Promise<void>;
  edit(proposal: ProposalView): void;
}

/** Draws the board into {@code board}, keeping the focus and the choices not yet confirmed. */
export function drawBoard(board: HTMLElement, view: TableView, actions: BoardActions): void {
  const focusKey =
    (document.activeElement as HTMLElement | null)?.closest?.('[data-focus]')?.getAttribute('data-focus') ??
    null;
  const focusInBoard = focusKey !== null && board.contains(document.activeElement);
  // a proposal chosen on a note but not yet confirmed with "Verplaats" stays chosen, unless the note moved meanwhile
  const choices = new Map<string, string>();
  board.querySelectorAll<HTMLSelectElement>('select[data-focus]').forEach((s) => {
    const note = view.notes.find((n) => `move-${n.id}` === s.dataset.focus);
    if (note && s.value !== s.dataset.current && (note.proposalId ?? '') === s.dataset.current) {
      choices.set(s.dataset.focus ?? '', s.value);
    }
  });

  const cards = new Map(view.cards.map((card) => [card.id, card.title]));
  const loose = view.notes.filter(
    (n) => n.proposalId === null || !view.proposals.some((p) => p.id === n.proposalId),
  );
  const note = (n: NoteView, inProposal: boolean) => noteItem(n, inProposal, view.proposals, cards, actions);

  const looseZone = h(
    'section',
    { class: 'dropzone loose', 'data-proposal': '', 'aria-labelledby': 'loose-heading' },
    h('h3', { id: 'loose-heading' }, tt('board.loose', { count: loose.length })),
    loose.length === 0 ? h('p', { class: 'hint' }, tt('board.looseEmpty')) : null,
    ...NOTE_KINDS.map((kind) => {
      const of = loose.filter((n) => n.kind === kind);
      return of.length === 0
        ? null
        : h(
            'div',
            { class: 'kind-group', 'data-kind': kind },
            h('h4', {}, kindLabel(kind)),
            h('ul', { class: 'note-list' }, ...of.map((n) => note(n, false))),
          );
    }),
  );
  const zones = view.proposals.map((p) => {
    const notes = view.notes.filter((n) => n.proposalId === p.id);
    return h(
      'section',
      { class: 'dropzone proposal-zone', 'data-proposal': p.id, 'aria-labelledby': `zone-${p.id}` },
      h('h3', { id: `zone-${p.id}` }, p.title),
      h(
        'dl',
        { class: 'proposal-texts' },
        h('dt', {}, tt('proposal.action')),
        h('dd', {}, p.action),
        h('dt', {}, tt('proposal.goal')),
        h('dd', {}, p.goal),
        h('dt', {}, tt('proposal.owner')),
        h('dd', { class: 'owner' }, p.owner),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button small secondary edit-proposal',
          'data-focus': `edit-${p.id}`,
          'aria-label': tt('proposal.editLabel', { title: p.title }),
          onclick: () => actions.edit(p),
        },
        tt('proposal.edit'),
      ),
      h('p', { class: 'zone-count' }, tt('board.inProposal', { count: notes.length })),
      notes.length === 0
        ? h('p', { class: 'hint drop-hint' }, tt('board.dropHere'))
        : h('ul', { class: 'note-list' }, ...notes.map((n) => note(n, true))),
    );
  });
  board.replaceChildren(looseZone, ...zones);

  choices.forEach((value, key) => {
    const select = board.querySelector<HTMLSelectElement>(`select[data-focus="${CSS.escape(key)}"]`);
    if (select && [...select.options].some((o) => o.value === value)) select.value = value;
  });
  if (focusInBoard && focusKey) {
    board.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`)?.focus();
  }
}

function noteItem(
  n: NoteView,
  inProposal: boolean,
  proposals: ProposalView[],
  cards: Map<string, string>,
  actions: BoardActions,
): HTMLElement {
  const selectId = `move-${n.id}`;
  const select = h(
    'select',
    { id: selectId, class: 'move-note', 'data-focus': `move-${n.id}`, 'data-current': n.proposalId ?? '' },
    h('option', { value: '' }, tt('board.noProposal')),
    ...proposals.map((p) => h('option', { value: p.id, selected: p.id === n.proposalId }, p.title)),
  );
  const status = h('span', { class: 'note-error', role: 'status' });
  const moveButton = h(
    'button',
    {
      type: 'button',
      class: 'button small secondary move-button',
      'data-focus': `movebtn-${n.id}`,
      'aria-label': tt('board.moveLabel', { text: short(n.text) }),
    },
    tt('board.move'),
  );
  moveButton.addEventListener('click', () => {
    const target = select.value === '' ? null : select.value;
    if (target === (n.proposalId ?? null)) {
      status.textContent = tt('board.alreadyThere');
      return;
    }
    moveButton.disabled = true;
    actions.move(n.id, target).catch(() => {
      moveButton.disabled = false;
      status.textContent = tt('board.failed');
    });
  });
  let armed = false;
  const remove = h(
    'button',
    {
      type: 'button',
      class: 'link delete-note',
      'data-focus': `delete-${n.id}`,
      'aria-label': tt('board.deleteLabel', { text: short(n.text) }),
    },
    tt('board.delete'),
  );
  remove.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      remove.textContent = tt('board.deleteSure');
      remove.setAttribute('aria-label', tt('board.deleteSureLabel', { text: short(n.text) }));
      window.setTimeout(() => {
        armed = false;
        remove.textContent = tt('board.delete');
        remove.setAttribute('aria-label', tt('board.deleteLabel', { text: short(n.text) }));
      }, 6000);
      return;
    }
    remove.disabled = true;
    actions.remove(n.id).catch(() => {
      remove.disabled = false;
      status.textContent = tt('board.failed');
    });
  });
  return h(
    'li',
    { class: 'note', 'data-note': n.id },
    h(
      'div',
      { class: 'note-row' },
      h('span', { class: 'grip', 'aria-hidden': 'true', title: tt('board.drag') }, '⠿'),
      h(
        'div',
        { class: 'note-body' },
        h('p', { class: 'note-content' }, n.text),
        h(
          'p',
          { class: 'note-meta' },
          [
            inProposal ? kindLabel(n.kind) : null,
            n.cardId && cards.has(n.cardId)
              ? tt('board.aboutCard', { title: cards.get(n.cardId) ?? '' })
              : null,
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      ),
    ),
    h(
      'div',
      { class: 'note-tools' },
      h('label', { for: selectId }, tt('board.moveTo')),
      select,
      moveButton,
      remove,
      status,
    ),
  );
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
