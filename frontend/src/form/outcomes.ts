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

/** A text as a heading or name: trimmed, spaces tidied, its first letter a capital ("vast aanspreekpunt"). */
export function capitalised(text: string): string {
  const clean = text.trim().replace(/[ \t]+/g, ' ');
  const first = clean.search(/\p{L}/u);
  if (first < 0) return clean;
  // a word that is capitalised inside ("iPad", "eHealth") is written as meant
  const word = clean.slice(first).split(/\s/, 1)[0];
  if (/\p{Lu}/u.test(word.slice(1))) return clean;
  // Dutch writes "één" at the start of a sentence as "Eén"
  const upper = word.startsWith('éé') ? 'e'.toUpperCase() : clean.charAt(first).toLocaleUpperCase('nl');
  return clean.slice(0, first) + upper + clean.slice(first + 1);
}

/**
 * A text as a sentence, however it was typed: a capital at the start and a full stop at the end, unless it ends
 * in punctuation already ("elk gezin krijgt een vaste contactpersoon" → "Elk gezin krijgt een vaste
 * contactpersoon.").
 */
export function sentence(text: string): string {
  const clean = capitalised(text);
  if (clean === '') return clean;
  return /[.!?…:;]["'”’)]*$/u.test(clean) ? clean : `${clean}.`;
}

/**
 * The goal of a proposal as the sentence it continues: the table's form asks "Zodat …", so what was typed after
 * it reads "Zodat ouders zich gehoord voelen.", also when the facilitator typed the "zodat" or left it out.
 */
export function goalSentence(goal: string, lead = own('outcomes.goalLead')): string {
  const clean = sentence(goal);
  if (clean === '' || clean.toLocaleLowerCase('nl').startsWith(`${lead.toLocaleLowerCase('nl')} `))
    return clean;
  const first = clean.charAt(0);
  const word = clean.split(/\s/, 1)[0];
  // a word in capitals throughout ("GGZ") or capitalised inside ("eHealth") stays as it is
  const rest = /\p{Lu}/u.test(word.slice(1)) ? clean : first.toLocaleLowerCase('nl') + clean.slice(1);
  return `${lead} ${rest}`;
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
    h('h3', { id }, capitalised(p.title)),
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
      h('dd', {}, sentence(p.action)),
      h('dt', {}, own('outcomes.goal')),
      h('dd', {}, goalSentence(p.goal)),
      h('dt', {}, own('outcomes.owner')),
      h('dd', {}, capitalised(p.owner)),
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
              u.note ? `. ${sentence(u.note)}` : '.',
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
    h('h3', { id }, capitalised(c.title)),
    h('p', { class: 'outcome-observation' }, c.observation),
    c.quotes.length > 0 ? h('p', { class: 'quotes-title' }, own('outcomes.quotes')) : null,
    ...c.quotes.map((q) => h('blockquote', { class: 'outcome-quote' }, h('p', {}, `“${q}”`))),
  );
}
