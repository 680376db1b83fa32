// One sense-making session for its facilitator: its date and place, the tables (each with a few cards and
// stories, advice when there is too much, and a link for the participants), the notes the tables wrote,
// and the improvement proposals with their follow-up.
import { append, h } from '../../form/dom';
import { formatDay } from '../../lang';
import { pick } from '../../i18n';
import type { Ctx } from '../app';
import { sessionsAddress } from '../addresses';
import * as api from '../client';
import type { CardSummary, SessionView, TableLink } from '../model';
import { w } from '../texts';
import { newProposalForm, proposalArticle } from './proposals';
import { sessionForm } from './sessions';
import { tableEditor, tableSection } from './sessiontable';

/** What stays when the page is redrawn: which editors are open, and a link that was just made. */
export interface SessionState {
  view: SessionView;
  cards: CardSummary[];
  editing: Set<string>;
  links: Map<string, TableLink>;
}

export async function sessionView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  if (!ctx.can('facilitator')) {
    append(
      ctx.main,
      h('h1', { tabindex: -1 }, w('sessions.title')),
      h('p', {}, w('sessions.facilitatorsOnly')),
    );
    return;
  }
  const [view, cards] = await Promise.all([api.sessionOf(ctx.params.id), api.cards(slug)]);
  if (!ctx.alive()) return;
  const state: SessionState = { view, cards, editing: new Set(), links: new Map() };
  const content = h('div', { class: 'session-page' });

  /** Redraws the page from the state; {@code focus} is a selector of what gets the focus afterwards. */
  const render = (focus?: string) => {
    const s = state.view;
    ctx.title(`${s.title} – ${pick(point.definition.title)}`);
    const heading = h('h1', { tabindex: -1 }, s.title);
    content.replaceChildren(
      heading,
      h(
        'p',
        { class: 'meta', id: 'session-meta' },
        [formatDay(s.heldOn), s.online ? w('sessions.online') : (s.place ?? '')].filter(Boolean).join(' · '),
      ),
      h('p', {}, h('a', { href: sessionsAddress(slug) }, w('session.back'))),
      h(
        'details',
        { class: 'card session-details' },
        h('summary', {}, w('session.change')),
        sessionForm({ title: s.title, heldOn: s.heldOn, place: s.place, online: s.online }, async (input) => {
          state.view = await api.updateSession(s.id, input);
          render('#edit-session-status');
          ctx.announce(w('sessions.saved'));
        }),
      ),
      h(
        'section',
        { 'aria-labelledby': 'tables-heading' },
        h('h2', { id: 'tables-heading' }, w('session.tables', { count: s.tables.length })),
        h('p', { class: 'hint' }, w('session.tablesIntro')),
        ...s.tables.map((t) => tableSection(ctx, state, t, render)),
        state.editing.has('new')
          ? tableEditor(ctx, state, null, render)
          : h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                id: 'add-table',
                onclick: () => {
                  state.editing.add('new');
                  render('#table-new-name');
                },
              },
              w('session.addTable'),
            ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'proposals-heading' },
        h('h2', { id: 'proposals-heading' }, w('session.proposals', { count: s.proposals.length })),
        h('p', { class: 'hint' }, w('session.proposalsIntro')),
        s.proposals.length === 0 ? h('p', {}, w('session.noProposals')) : null,
        ...s.proposals.map((p) => proposalArticle(ctx, state, p, render)),
        newProposalForm(ctx, state, render),
      ),
    );
    if (focus) {
      (content.querySelector<HTMLElement>(focus) ?? heading).focus();
    }
  };
  render();
  append(ctx.main, content);
}
