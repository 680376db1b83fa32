// The editor of one observation card: its title, the drafted observation, the two opposing
// interpretations, the numbers behind it (chart with a text alternative), the typical stories with their
// quotes, whether it is published; saved as a new version (a clear message when someone saved in
// between), with the earlier versions, the fixed disclaimer and where the numbers come from.
import { ApiError } from '../../api';
import { c } from '../../card/texts';
import { chartFigure, keyNumbers } from '../../card/data';
import { append, h } from '../../form/dom';
import { pick } from '../../i18n';
import type { Definition } from '../../types';
import { problemText, type Ctx } from '../app';
import { cardAddress, cardsAddress, evaluationAddress } from '../addresses';
import * as api from '../client';
import { checkbox, field, fieldError, statusLine } from '../fields';
import { conditions } from '../filter';
import { formatCount, formatDateTime, patternKindLabel, variableLabel } from '../labels';
import type { CardView, Revision, StoryFilter } from '../model';
import { w } from '../texts';
import { figuresEditor } from './cardfigures';
import { trendSection } from './cardtrend';
import { storiesEditor } from './cardstories';

export async function cardView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  let card = await api.cardOf(ctx.params.id);
  if (!ctx.alive()) return;
  ctx.title(`${card.title} – ${pick(d.title)}`);

  const heading = h('h1', { tabindex: -1 }, card.title);
  const meta = h('p', { class: 'meta', id: 'card-meta' });
  const status = statusLine('card-status');
  const title = h('input', { type: 'text', id: 'card-title', maxlength: 200, required: true });
  const observation = h('textarea', { id: 'card-observation', rows: 6, maxlength: 1200, required: true });
  const first = h('textarea', { id: 'card-interpretation-1', rows: 3, maxlength: 600 });
  const second = h('textarea', { id: 'card-interpretation-2', rows: 3, maxlength: 600 });
  const published = h('input', { type: 'checkbox', id: 'card-published' });
  const save = h('button', { type: 'submit', class: 'button primary', id: 'card-save' }, w('card.save'));
  const stories = storiesEditor(ctx, slug, d, card.id, card.stories);
  const figures = figuresEditor(slug, card.figures ?? []);
  const revisions = revisionList(card.id);
  const trend = trendSection(slug, d, card, (updated) => {
    card = updated;
    fill();
    revisions.refresh();
  });

  const fill = () => {
    heading.textContent = card.title;
    meta.textContent = [
      w('card.version', { version: card.version }),
      w('card.savedBy', { name: card.updatedBy, when: formatDateTime(card.updatedAt) }),
      card.published ? w('card.isPublished') : w('card.isDraft'),
      patternKindLabel(card.data.kind),
    ].join(' · ');
    title.value = card.title;
    observation.value = card.observation;
    first.value = card.interpretations[0] ?? '';
    second.value = card.interpretations[1] ?? '';
    published.checked = card.published;
  };
  fill();

  const form = h(
    'form',
    { class: 'card-editor', novalidate: true },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'text-heading' },
      h('h2', { id: 'text-heading' }, w('card.textTitle')),
      field(title, w('card.titleLabel')),
      field(observation, w('card.observationLabel'), w('card.observationHint')),
      h(
        'fieldset',
        { class: 'filter-group' },
        h('legend', {}, c('card.interpretations')),
        h('p', { class: 'hint' }, w('card.interpretationsHint')),
        field(first, c('card.interpretation1')),
        field(second, c('card.interpretation2')),
      ),
    ),
    dataSection(card),
    stories.element,
    figures.element,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'publish-heading' },
      h('h2', { id: 'publish-heading' }, w('card.publishTitle')),
      checkbox(published, w('card.publishLabel'), w('card.publishHint')),
      h('div', { class: 'actions' }, save),
    ),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });

  const submit = async () => {
    [title, observation, first, second].forEach((control) => fieldError(control, null));
    fieldError(published, null);
    const problems: [HTMLInputElement | HTMLTextAreaElement, string][] = [];
    if (title.value.trim() === '') problems.push([title, w('card.titleRequired')]);
    if (observation.value.trim() === '') problems.push([observation, w('card.observationRequired')]);
    if (published.checked) {
      if (first.value.trim() === '') problems.push([first, w('card.interpretationRequired')]);
      if (second.value.trim() === '') problems.push([second, w('card.interpretationRequired')]);
    }
    if (problems.length > 0) {
      problems.forEach(([control, message]) => fieldError(control, message));
      status.fail(w('card.fixFirst'), false);
      problems[0][0].focus();
      return;
    }
    if (figures.tooMany()) {
      status.fail(w('card.figuresTooMany'));
      return;
    }
    save.disabled = true;
    status.say(w('card.saving'));
    const sent = stories.refs();
    const storyIdAt = (index: number) => sent[index]?.id;
    try {
      card = await api.saveCard(card.id, {
        version: card.version,
        title: title.value,
        observation: observation.value,
        interpretations: [first.value, second.value],
        stories: sent,
        published: published.checked,
        figures: figures.ids(),
      });
      fill();
      stories.reset(card.stories);
      figures.reset(card.figures);
      trend.reset(card);
      revisions.refresh();
      ctx.title(`${card.title} – ${pick(d.title)}`);
      status.say(w('card.saved', { version: card.version }), true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        status.element.replaceChildren(conflict());
        status.element.classList.add('error');
        status.element.focus();
      } else {
        status.fail(problemText(error, (list, index) => (list === 'stories' ? storyIdAt(index) : undefined)));
      }
    } finally {
      save.disabled = false;
    }
  };

  const conflict = (): DocumentFragment => {
    const out = document.createDocumentFragment();
    out.append(
      h('span', { class: 'conflict-text' }, w('card.conflict')),
      ' ',
      h(
        'a',
        {
          href: cardAddress(slug, card.id),
          class: 'reload-card',
          onclick: (e: Event) => {
            e.preventDefault();
            ctx.refresh();
          },
        },
        w('card.reload'),
      ),
    );
    return out;
  };

  append(
    ctx.main,
    heading,
    meta,
    h('p', {}, h('a', { href: cardsAddress(slug) }, w('card.back'))),
    status.element,
    form,
    h(
      'section',
      { class: 'card disclaimer', 'aria-labelledby': 'disclaimer-heading' },
      h('h2', { id: 'disclaimer-heading' }, w('card.disclaimerTitle')),
      h('p', { id: 'card-disclaimer' }, c('card.disclaimer')),
    ),
    provenance(slug, d, card),
    trend.element,
    revisions.element,
  );
}

function dataSection(card: CardView): HTMLElement {
  const p = card.data;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'data-heading' },
    h('h2', { id: 'data-heading' }, c('card.data')),
    h('h3', {}, c('card.questions')),
    h(
      'ul',
      { class: 'card-questions' },
      ...card.questions.map((q) =>
        h(
          'li',
          {},
          `${q.number === null || q.number === undefined ? '' : `${q.number}. `}${q.label}`,
          q.left && q.right ? h('span', { class: 'hint' }, ` (${q.left} – ${q.right})`) : null,
        ),
      ),
    ),
    keyNumbers(p),
    chartFigure(api.cardChartUrl(card.id), p, card.questions, 'card'),
  );
}

/** A pattern key ("slider_by_choice|gehoord|gevolg") in words: "8. gehoord × 1. gevolg (schuifregelaar × keuze)". */
function readablePattern(d: Definition, key: string): string {
  const [kind, first, second] = key.split('|');
  if (first === undefined || second === undefined) return patternKindLabel(kind);
  return `${variableLabel(d, first)} × ${variableLabel(d, second)} (${patternKindLabel(kind)})`;
}

function provenance(slug: string, d: Definition, card: CardView): HTMLElement {
  const pr = card.provenance;
  const request = pr.settings ?? {};
  const filter = conditions(d, {
    ...(request.filter as StoryFilter | undefined),
    includeIncomplete: (request.filter as StoryFilter | undefined)?.includeIncomplete === true,
  });
  const s = request.settings ?? {};
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'provenance-heading' },
    h('h2', { id: 'provenance-heading' }, w('card.provenanceTitle')),
    h(
      'dl',
      { class: 'facts', id: 'card-provenance' },
      h('dt', {}, w('card.run')),
      h('dd', {}, h('a', { href: evaluationAddress(slug, pr.runId) }, formatDateTime(pr.evaluatedAt))),
      h('dt', {}, w('card.pattern')),
      h('dd', {}, readablePattern(d, card.pattern)),
      h('dt', {}, w('card.fingerprint')),
      h('dd', { class: 'code' }, pr.fingerprint),
      h('dt', {}, w('card.software')),
      h('dd', {}, pr.softwareVersion),
      h('dt', {}, w('run.filter')),
      h('dd', {}, filter.length === 0 ? w('run.allStories') : filter.map((x) => x.label).join('; ')),
      h('dt', {}, w('run.settings')),
      h('dd', {}, w('run.settingsText', { min: s.minGroupSize ?? 5, q: s.maxQ ?? 0.05 })),
      h('dt', {}, w('run.stories')),
      h('dd', {}, formatCount(pr.stories)),
      h('dt', {}, w('card.made')),
      h('dd', {}, w('card.savedBy', { name: card.createdBy, when: formatDateTime(card.createdAt) })),
    ),
  );
}

/** The earlier versions, loaded when opened and again after each save. */
function revisionList(id: string): { element: HTMLElement; refresh: () => void } {
  const body = h('div', {});
  const details = h(
    'details',
    { class: 'card revisions', id: 'revisions' },
    h('summary', {}, w('card.revisions')),
    body,
  );
  let loaded = false;
  const load = async () => {
    loaded = true;
    body.replaceChildren(h('p', { class: 'loading' }, w('app.loading')));
    try {
      body.replaceChildren(revisionTable(await api.revisions(id)));
    } catch (error) {
      body.replaceChildren(h('p', { class: 'error' }, problemText(error)));
    }
  };
  details.addEventListener('toggle', () => {
    if (details.open && !loaded) void load();
  });
  return {
    element: details,
    refresh: () => {
      if (details.open) void load();
      else loaded = false;
    },
  };
}

function revisionTable(list: Revision[]): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': w('card.revisions') },
    h(
      'table',
      { class: 'data' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', class: 'num' }, w('card.versionColumn')),
          h('th', { scope: 'col' }, w('card.savedAt')),
          h('th', { scope: 'col' }, w('card.savedByColumn')),
          h('th', { scope: 'col' }, w('card.titleLabel')),
          h('th', { scope: 'col', class: 'num' }, w('card.storiesColumn')),
          h('th', { scope: 'col' }, w('card.publishedColumn')),
        ),
      ),
      h(
        'tbody',
        {},
        ...list.map((r) =>
          h(
            'tr',
            { 'data-version': r.version },
            h('td', { class: 'num' }, String(r.version)),
            h('td', {}, formatDateTime(r.savedAt)),
            h('td', {}, r.savedBy),
            h('th', { scope: 'row' }, r.content.title),
            h('td', { class: 'num' }, String(r.content.stories?.length ?? 0)),
            h('td', {}, r.content.published ? w('run.strongYes') : w('run.strongNo')),
          ),
        ),
      ),
    ),
  );
}
