// /v/{slug}/verhalen, "Wat is er met de verhalen gedaan?": for storytellers, the improvement proposals
// that came from the stories (with their status in words and dated updates) and what stood out in the
// stories (published cards with their quotes); honestly empty until something is published. Loaded only
// on this page, so the form itself does not carry it.
import { ApiError, send } from '../api';
import { formatDay, translator } from '../lang';
import { pick, t as formText } from '../i18n';
import en from '../i18n/verhalen.en.json';
import nl from '../i18n/verhalen.nl.json';
import type { PublishedStoryPoint } from '../types';
import { append, h } from './dom';
import { topBar } from './header';
import './outcomes.css';

const own = translator<keyof typeof nl>({ nl, en });
type Key = keyof typeof nl;

const STATUSES = ['proposed', 'adopted', 'in_progress', 'done', 'dropped'];

interface PublicUpdate {
  status: string;
  note: string;
  date: string;
}

interface PublicProposal {
  title: string;
  action: string;
  goal: string;
  owner: string;
  status: string;
  sessionDate: string;
  updates: PublicUpdate[];
}

interface PublicCard {
  title: string;
  observation: string;
  quotes: string[];
}

interface Outcomes {
  storyPoint: string;
  title: string;
  proposals: PublicProposal[];
  cards: PublicCard[];
}

async function fetchOutcomes(slug: string): Promise<Outcomes> {
  const response = await send(`/api/storypoints/${encodeURIComponent(slug)}/outcomes`, {
    method: 'GET',
    headers: { Accept: 'application/json' },
  });
  return (await response.json()) as Outcomes;
}

function statusText(status: string): string {
  return STATUSES.includes(status) ? own(`status.${status}` as Key) : status;
}

function statusExplained(status: string): string {
  return STATUSES.includes(status) ? own(`status.${status}.explain` as Key) : '';
}

export async function outcomes(root: HTMLElement, point: PublishedStoryPoint): Promise<void> {
  const slug = point.slug;
  const heading = h('h1', { tabindex: -1 }, own('outcomes.heading'));
  const main = h(
    'main',
    { id: 'main' },
    heading,
    h('p', { class: 'loading', role: 'status' }, own('outcomes.loading')),
  );
  document.title = `${own('outcomes.heading')} – ${pick(point.definition.title)}`;
  root.replaceChildren(
    // the top bar of every public page, with the language switch: the page is drawn again in the other language
    topBar(point.definition, () => void outcomes(root, point)),
    main,
  );
  let data: Outcomes;
  try {
    data = await fetchOutcomes(slug);
  } catch (error) {
    main.replaceChildren(
      heading,
      h(
        'p',
        { role: 'alert' },
        error instanceof ApiError && error.kind === 'network'
          ? own('outcomes.network')
          : own('outcomes.failed'),
      ),
      h(
        'button',
        { type: 'button', class: 'button primary', onclick: () => location.reload() },
        formText('app.retry'),
      ),
    );
    return;
  }
  const nothing = data.proposals.length === 0 && data.cards.length === 0;
  main.replaceChildren(heading);
  append(
    main,
    h('p', { class: 'intro' }, own('outcomes.intro', { title: pick(point.definition.title) })),
    nothing
      ? h(
          'section',
          { class: 'notice', id: 'outcomes-empty', 'aria-labelledby': 'empty-heading' },
          h('h2', { id: 'empty-heading' }, own('outcomes.emptyTitle')),
          h('p', {}, own('outcomes.empty')),
        )
      : null,
    data.proposals.length > 0
      ? h(
          'section',
          { 'aria-labelledby': 'proposals-heading', class: 'outcome-proposals' },
          h('h2', { id: 'proposals-heading' }, own('outcomes.proposals', { count: data.proposals.length })),
          h('p', {}, own('outcomes.proposalsIntro')),
          ...data.proposals.map((p, i) => proposal(p, i)),
        )
      : null,
    data.cards.length > 0
      ? h(
          'section',
          { 'aria-labelledby': 'cards-heading', class: 'outcome-cards' },
          h('h2', { id: 'cards-heading' }, own('outcomes.cards', { count: data.cards.length })),
          h('p', {}, own('outcomes.cardsIntro')),
          ...data.cards.map((c, i) => card(c, i)),
        )
      : null,
    h(
      'section',
      { class: 'notice', 'aria-labelledby': 'how-heading' },
      h('h2', { id: 'how-heading' }, own('about.heading')),
      h('p', {}, own('about.body1')),
      h('p', {}, own('about.body2')),
      h('p', {}, own('about.body3')),
    ),
    h(
      'p',
      {},
      h('a', { class: 'button secondary', href: `/v/${encodeURIComponent(slug)}` }, formText('about.back')),
    ),
  );
}

function proposal(p: PublicProposal, index: number): HTMLElement {
  const id = `proposal-${index + 1}`;
  return h(
    'article',
    { class: 'outcome', 'aria-labelledby': id },
    h('h3', { id }, p.title),
    h(
      'p',
      { class: 'outcome-status' },
      h('strong', {}, `${own('outcomes.status')}: ${statusText(p.status)}.`),
      ' ',
      statusExplained(p.status),
    ),
    h('p', { class: 'hint' }, own('outcomes.fromSession', { date: formatDay(p.sessionDate) })),
    h(
      'dl',
      { class: 'outcome-texts' },
      h('dt', {}, own('outcomes.action')),
      h('dd', {}, p.action),
      h('dt', {}, own('outcomes.goal')),
      h('dd', {}, p.goal),
      h('dt', {}, own('outcomes.owner')),
      h('dd', {}, p.owner),
    ),
    p.updates.length > 0 ? h('h4', {}, own('outcomes.updates')) : null,
    p.updates.length > 0
      ? h(
          'ol',
          { class: 'outcome-updates' },
          ...p.updates.map((u) =>
            h(
              'li',
              {},
              h('time', { datetime: u.date }, formatDay(u.date)),
              `: ${statusText(u.status)}`,
              u.note ? `. ${u.note}` : '',
            ),
          ),
        )
      : null,
  );
}

function card(c: PublicCard, index: number): HTMLElement {
  const id = `card-${index + 1}`;
  return h(
    'article',
    { class: 'outcome', 'aria-labelledby': id },
    h('h3', { id }, c.title),
    h('p', { class: 'outcome-observation' }, c.observation),
    c.quotes.length > 0 ? h('p', { class: 'quotes-title' }, own('outcomes.quotes')) : null,
    ...c.quotes.map((q) => h('blockquote', { class: 'outcome-quote' }, h('p', {}, `“${q}”`))),
  );
}
