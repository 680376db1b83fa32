// A table of a session: its cards and stories with advice when there is too much, the link for its
// participants (shown once, with a copy button and its expiry; a new link or stopping it), the deck to
// print, its notes (read only), and the editor of its name, cards and stories.
import { append, h, uid } from '../../form/dom';
import { NOTE_KINDS, type NoteView } from '../../session/types';
import { problemText, type Ctx } from '../app';
import * as api from '../client';
import { field, fieldError, statusLine } from '../fields';
import { formatDay } from '../../lang';
import type { SessionTable, TableWarning } from '../model';
import { w, type WKey } from '../texts';
import type { SessionState } from './session';
import { qrSvg } from '../qr';
import { roleLabel } from '../labels';
import { storyPicker } from './storypicker';

/** Above this many cards or stories participants tend to get lost (SenseSessionService). */
const ADVISED_CARDS = 7;
const ADVISED_STORIES = 20;
const MAX_LINK_DAYS = 30;

type Render = (focus?: string) => void;

export function advice(w2: TableWarning): string {
  return w(w2.code === 'too-many-cards' ? 'table.tooManyCards' : 'table.tooManyStories', {
    count: w2.count,
    advised: w2.advised,
  });
}

export function noteKindLabel(kind: string): string {
  return (NOTE_KINDS as readonly string[]).includes(kind) ? w(`note.${kind}` as WKey) : kind;
}

export function tableSection(ctx: Ctx, state: SessionState, t: SessionTable, render: Render): HTMLElement {
  const sessionId = state.view.id;
  const key = `table-${t.id}`;
  const notes = state.view.notes.filter((n) => n.tableId === t.id);
  const section = h(
    'section',
    { class: 'card session-table', 'data-table': t.id, 'aria-labelledby': `${key}-heading` },
    h('h3', { id: `${key}-heading`, tabindex: -1 }, t.name),
    t.warnings.length > 0
      ? h(
          'div',
          { class: 'advice', role: 'note' },
          h('p', { class: 'advice-title' }, w('table.adviceTitle')),
          ...t.warnings.map((x) => h('p', { class: 'warning', 'data-code': x.code }, advice(x))),
        )
      : null,
    h('h4', {}, w('table.cards', { count: t.cards.length })),
    t.cards.length === 0
      ? h('p', { class: 'hint' }, w('table.noCards'))
      : h('ul', { class: 'table-cards' }, ...t.cards.map((c) => h('li', {}, c.title))),
    h('h4', {}, w('table.stories', { count: t.stories.length })),
    t.stories.length === 0 ? h('p', { class: 'hint' }, w('table.noStories')) : storyList(t),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button small secondary edit-table',
          'aria-expanded': String(state.editing.has(t.id)),
          'aria-label': w('table.editLabel', { name: t.name }),
          onclick: () => {
            if (state.editing.has(t.id)) state.editing.delete(t.id);
            else state.editing.add(t.id);
            render(state.editing.has(t.id) ? `#table-${t.id}-name` : `[data-table="${t.id}"] .edit-table`);
          },
        },
        w('table.edit'),
      ),
      t.cards.length > 0
        ? h(
            'a',
            {
              class: 'button small secondary table-deck',
              href: api.tableDeckUrl(sessionId, t.id),
              download: '',
              'aria-label': w('table.deckLabel', { name: t.name }),
            },
            w('table.deck'),
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'button small danger delete-table',
          'aria-label': w('table.deleteLabel', { name: t.name }),
          onclick: (event: Event) =>
            confirmDelete(event.currentTarget as HTMLElement, t, async () => {
              state.view = await api.deleteTable(sessionId, t.id);
              render('#tables-heading');
              ctx.announce(w('table.deleted', { name: t.name }));
            }),
        },
        w('table.delete'),
      ),
    ),
    state.editing.has(t.id) ? tableEditor(ctx, state, t, render) : null,
    linkArea(ctx, state, t, render),
    notesList(state, t, notes),
  );
  return section;
}

/** The table's stories; a long list is folded away. */
function storyList(t: SessionTable): HTMLElement {
  const list = h(
    'ul',
    { class: 'table-stories' },
    ...t.stories.map((s) =>
      h(
        'li',
        {},
        h('span', { class: 'story-id' }, s.id),
        ` · ${s.role} · `,
        h('span', { class: 'excerpt' }, short(s.excerpt)),
        s.problem
          ? h(
              'span',
              { class: 'badge warn' },
              w(s.problem === 'hidden' ? 'table.storyHidden' : 'table.storyFlagged'),
            )
          : null,
      ),
    ),
  );
  return t.stories.length <= 8
    ? list
    : h(
        'details',
        { class: 'table-stories-box' },
        h('summary', {}, w('table.showStories', { count: t.stories.length })),
        list,
      );
}

function short(text: string): string {
  return text.length > 140 ? `${text.slice(0, 140).trimEnd()} …` : text;
}

function confirmDelete(button: HTMLElement, t: SessionTable, remove: () => Promise<void>): void {
  const holder = button.closest('.actions');
  holder?.querySelector('.confirm')?.remove();
  const yes = h(
    'button',
    { type: 'button', class: 'button small danger confirm-delete' },
    w('table.deleteYes'),
  );
  const panel = h(
    'div',
    { class: 'confirm', role: 'group', 'aria-label': w('table.deleteLabel', { name: t.name }) },
    h('p', {}, w('table.deleteAsk', { name: t.name })),
    yes,
    h(
      'button',
      {
        type: 'button',
        class: 'button small secondary',
        onclick: () => {
          panel.remove();
          button.focus();
        },
      },
      w('table.deleteNo'),
    ),
  );
  yes.addEventListener('click', () => {
    yes.disabled = true;
    remove().catch((error: unknown) => {
      yes.disabled = false;
      panel.append(h('p', { class: 'error', role: 'alert' }, problemText(error)));
    });
  });
  holder?.after(panel);
  yes.focus();
}

/** The participants' link: made here, shown once with a copy button, stopped here. */
function linkArea(ctx: Ctx, state: SessionState, t: SessionTable, render: Render): HTMLElement {
  const sessionId = state.view.id;
  const made = state.links.get(t.id);
  const status = statusLine(`link-status-${t.id}`);
  const days = h('input', {
    type: 'number',
    id: `link-days-${t.id}`,
    min: 0,
    max: MAX_LINK_DAYS,
    step: 1,
    value: 1,
    inputmode: 'numeric',
    class: 'link-days',
  });
  const make = h(
    'button',
    { type: 'button', class: 'button small primary make-link' },
    t.linkActive || made ? w('link.makeNew') : w('link.make'),
  );
  make.addEventListener('click', () => {
    const n = Number.parseInt(days.value, 10);
    if (!Number.isFinite(n) || n < 0 || n > MAX_LINK_DAYS) {
      fieldError(days, w('link.daysWrong', { max: MAX_LINK_DAYS }));
      days.focus();
      return;
    }
    make.disabled = true;
    void api
      .createLink(sessionId, t.id, n)
      .then(async (link) => {
        state.links.set(t.id, link);
        state.view = await api.sessionOf(sessionId);
        render(`#link-url-${t.id}`);
        ctx.announce(w('link.made'));
      })
      .catch((error: unknown) => {
        make.disabled = false;
        status.fail(problemText(error));
      });
  });
  const stop = t.linkActive
    ? h(
        'button',
        {
          type: 'button',
          class: 'button small danger revoke-link',
          onclick: () => {
            void api
              .revokeLink(sessionId, t.id)
              .then((view) => {
                state.view = view;
                state.links.delete(t.id);
                render(`[data-table="${t.id}"] .make-link`);
                ctx.announce(w('link.revoked'));
              })
              .catch((error: unknown) => status.fail(problemText(error)));
          },
        },
        w('link.revoke'),
      )
    : null;

  const area = h('div', { class: 'link-area' }, h('h4', {}, w('link.title')));
  if (made && t.linkActive) {
    const url = new URL(made.path, location.origin).toString();
    const input = h('input', {
      type: 'text',
      id: `link-url-${t.id}`,
      class: 'link-url',
      readonly: true,
      value: url,
    });
    const copied = h('span', { class: 'copied', role: 'status' });
    append(
      area,
      h(
        'div',
        { class: 'link-once' },
        h('p', {}, h('strong', {}, w('link.onceTitle')), ' ', w('link.once')),
        h('label', { for: input.id }, w('link.url')),
        h(
          'div',
          { class: 'copy-row' },
          input,
          h(
            'button',
            {
              type: 'button',
              class: 'button small secondary copy-link',
              onclick: () =>
                void copy(input).then((ok) => {
                  copied.textContent = ok ? w('link.copied') : w('link.copyFailed');
                }),
            },
            w('link.copy'),
          ),
          copied,
        ),
        h('p', { class: 'link-expiry' }, w('link.validUntil', { when: lastDay(made.expiresAt) })),
        h(
          'div',
          { class: 'link-qr' },
          h(
            'figure',
            { class: 'qr-figure' },
            qrSvg(url, w('link.qrLabel', { name: t.name })),
            h('figcaption', { class: 'hint' }, w('link.qrCaption')),
          ),
          h(
            'div',
            { class: 'link-code-box' },
            h('p', {}, w('link.codeIntro', { address: `${location.host}/t` })),
            h('p', { class: 'link-code', id: `link-code-${t.id}` }, made.code),
            h('p', { class: 'hint' }, w('link.codeHint')),
          ),
        ),
      ),
    );
  } else if (t.linkActive && t.linkExpiresAt) {
    area.append(h('p', { class: 'link-state' }, w('link.active', { when: lastDay(t.linkExpiresAt) })));
  } else {
    area.append(h('p', { class: 'link-state' }, w('link.none')));
  }
  append(
    area,
    h('div', { class: 'field-inline' }, h('label', { for: days.id }, w('link.days')), days, make, stop),
    h('p', { class: 'error field-error', id: `${days.id}-error` }),
    h('p', { class: 'hint' }, w('link.daysHint')),
    status.element,
  );
  days.setAttribute('aria-describedby', `${days.id}-error`);
  return area;
}

/** The last day a link works: it stops at midnight (Amsterdam) after that day. */
function lastDay(expiresAt: string): string {
  return formatDay(new Date(Date.parse(expiresAt) - 60_000).toISOString());
}

async function copy(input: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

function notesList(state: SessionState, t: SessionTable, notes: NoteView[]): HTMLElement {
  const cards = new Map(t.cards.map((c) => [c.id, c.title]));
  const proposals = new Map(state.view.proposals.map((p) => [p.id, p.title]));
  const box = h('div', { class: 'table-notes' }, h('h4', {}, w('table.notes', { count: notes.length })));
  if (notes.length === 0) {
    box.append(h('p', { class: 'hint' }, w('table.noNotes')));
    return box;
  }
  for (const kind of NOTE_KINDS) {
    const of = notes.filter((n) => n.kind === kind);
    if (of.length === 0) continue;
    box.append(
      h('h5', {}, noteKindLabel(kind)),
      h(
        'ul',
        { class: 'notes' },
        ...of.map((n) =>
          h(
            'li',
            { class: 'note', 'data-note': n.id },
            n.text,
            n.cardId && cards.has(n.cardId)
              ? h(
                  'span',
                  { class: 'hint' },
                  ` · ${w('table.aboutCard', { title: cards.get(n.cardId) ?? '' })}`,
                )
              : null,
            n.proposalId && proposals.has(n.proposalId)
              ? h(
                  'span',
                  { class: 'hint' },
                  ` · ${w('table.inProposal', { title: proposals.get(n.proposalId) ?? '' })}`,
                )
              : null,
          ),
        ),
      ),
    );
  }
  return box;
}

/** The editor of a table's name, cards and stories; {@code t} null for a new table. */
export function tableEditor(
  ctx: Ctx,
  state: SessionState,
  t: SessionTable | null,
  render: Render,
): HTMLElement {
  const sessionId = state.view.id;
  const key = t ? `table-${t.id}` : 'table-new';
  const name = h('input', { type: 'text', id: `${key}-name`, maxlength: 100, required: true });
  name.value = t?.name ?? w('table.defaultName', { number: state.view.tables.length + 1 });
  const chosenCards = new Set(t?.cards.map((c) => c.id) ?? []);
  let stories = t?.stories.map((s) => s.id) ?? [];
  /** What the facilitator sees of each chosen story: its role and the start of its text. */
  const known = new Map<string, { role: string; excerpt: string }>(
    (t?.stories ?? []).map((s) => [s.id, { role: s.role, excerpt: s.excerpt }]),
  );
  const status = statusLine(`${key}-status`);
  const cardAdvice = h('p', { class: 'live-advice', 'aria-live': 'polite', id: `${key}-card-advice` });
  const storyAdvice = h('p', { class: 'live-advice', 'aria-live': 'polite', id: `${key}-story-advice` });
  const storyList = h('ol', { class: 'chosen-stories' });
  const definition = ctx.point(ctx.params.slug)?.definition;

  const count = () => {
    cardAdvice.textContent =
      w('table.chosenCards', { count: chosenCards.size }) +
      (chosenCards.size > ADVISED_CARDS
        ? ` ${advice({ code: 'too-many-cards', count: chosenCards.size, advised: ADVISED_CARDS })}`
        : '');
    cardAdvice.classList.toggle('warning', chosenCards.size > ADVISED_CARDS);
    storyAdvice.textContent =
      w('table.chosenStories', { count: stories.length }) +
      (stories.length > ADVISED_STORIES
        ? ` ${advice({ code: 'too-many-stories', count: stories.length, advised: ADVISED_STORIES })}`
        : '');
    storyAdvice.classList.toggle('warning', stories.length > ADVISED_STORIES);
  };
  const drawStories = (focus?: string) => {
    storyList.replaceChildren(
      ...stories.map((id, i) => {
        const about = known.get(id);
        return h(
          'li',
          { 'data-story': id },
          h('span', { class: 'story-id' }, id),
          about ? ` · ${about.role} · ` : ' ',
          about ? h('span', { class: 'excerpt' }, short(about.excerpt)) : null,
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'link remove-story',
              'aria-label': w('table.removeStory', { id }),
              onclick: () => {
                stories = stories.filter((x) => x !== id);
                picker?.refresh();
                drawStories(
                  stories.length === 0
                    ? `#${key}-story-search`
                    : `li:nth-child(${Math.min(i, stories.length - 1) + 1}) .remove-story`,
                );
              },
            },
            w('table.remove'),
          ),
        );
      }),
    );
    count();
    if (focus)
      (storyList.querySelector<HTMLElement>(focus) ?? document.querySelector<HTMLElement>(focus))?.focus();
  };

  const cardBoxes =
    state.cards.length === 0
      ? h('p', { class: 'hint' }, w('table.noCardsYet'))
      : h(
          'div',
          { class: 'card-choices' },
          ...state.cards.map((c) => {
            const id = uid('table-card');
            const box = h('input', {
              type: 'checkbox',
              id,
              name: `${key}-cards`,
              value: c.id,
              checked: chosenCards.has(c.id),
            });
            box.addEventListener('change', () => {
              if (box.checked) chosenCards.add(c.id);
              else chosenCards.delete(c.id);
              count();
            });
            return h('div', { class: 'check' }, box, h('label', { for: id }, c.title));
          }),
        );

  const picker = definition
    ? storyPicker(
        ctx.params.slug,
        definition,
        key,
        (id) => stories.includes(id),
        (story) => {
          if (stories.includes(story.id)) return;
          known.set(story.id, {
            role: roleLabel(definition, story.role),
            excerpt: story.excerpt.replace(/[«»]/g, ''),
          });
          stories = [...stories, story.id];
          drawStories();
          status.say(w('table.storyAdded', { id: story.id }));
        },
      )
    : null;
  const fromCards = h(
    'button',
    { type: 'button', class: 'button small secondary stories-from-cards' },
    w('table.storiesFromCards'),
  );
  fromCards.addEventListener('click', () => {
    if (chosenCards.size === 0) {
      status.fail(w('table.chooseCardsFirst'), false);
      return;
    }
    fromCards.disabled = true;
    void Promise.all([...chosenCards].map((id) => api.cardOf(id)))
      .then((views) => {
        const usable = views.flatMap((v) => v.stories.filter((s) => s.problem === null));
        for (const s of usable) {
          if (!known.has(s.id)) {
            known.set(s.id, {
              role: definition ? roleLabel(definition, s.role) : s.role,
              excerpt: s.excerpt,
            });
          }
        }
        const ids = usable.map((s) => s.id);
        const before = stories.length;
        stories = [...stories, ...ids.filter((id, i) => !stories.includes(id) && ids.indexOf(id) === i)];
        drawStories();
        picker?.refresh();
        status.say(w('table.storiesFromCardsAdded', { count: stories.length - before }));
      })
      .catch((error: unknown) => status.fail(problemText(error)))
      .finally(() => {
        fromCards.disabled = false;
      });
  });

  const save = h(
    'button',
    { type: 'submit', class: 'button primary save-table' },
    t ? w('table.save') : w('table.create'),
  );
  const form = h(
    'form',
    { class: 'table-form', novalidate: true, 'aria-labelledby': `${key}-form-heading` },
    h('h4', { id: `${key}-form-heading` }, t ? w('table.editTitle', { name: t.name }) : w('table.newTitle')),
    field(name, w('table.name')),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('table.chooseCards')),
      h('p', { class: 'hint' }, w('table.cardsHint', { advised: ADVISED_CARDS })),
      cardBoxes,
      cardAdvice,
    ),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('table.chooseStories')),
      h('p', { class: 'hint' }, w('table.storiesHint', { advised: ADVISED_STORIES })),
      h('h5', {}, w('table.chosenTitle')),
      storyList,
      storyAdvice,
      h('div', { class: 'actions' }, fromCards),
      picker?.element ?? null,
    ),
    status.element,
    h(
      'div',
      { class: 'actions' },
      save,
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          onclick: () => {
            state.editing.delete(t?.id ?? 'new');
            render(t ? `[data-table="${t.id}"] .edit-table` : '#add-table');
          },
        },
        w('table.cancel'),
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    fieldError(name, null);
    if (name.value.trim() === '') {
      fieldError(name, w('table.nameRequired'));
      name.focus();
      return;
    }
    save.disabled = true;
    const plan = {
      name: name.value.trim(),
      cards: state.cards.filter((c) => chosenCards.has(c.id)).map((c) => c.id),
      stories,
    };
    void (t ? api.updateTable(sessionId, t.id, plan) : api.addTable(sessionId, plan))
      .then((view) => {
        state.view = view;
        state.editing.delete(t?.id ?? 'new');
        const table = t ?? view.tables[view.tables.length - 1];
        render(`#table-${table.id}-heading`);
        ctx.announce(w('table.saved', { name: plan.name }));
      })
      .catch((error: unknown) => {
        save.disabled = false;
        status.fail(
          problemText(error, (list, index) => (list === 'stories' ? plan.stories[index] : undefined)),
        );
      });
  });
  drawStories();
  return form;
}
