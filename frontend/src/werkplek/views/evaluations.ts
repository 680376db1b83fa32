// Pattern evaluations of a story point: start one with the current filters (and settings, and an optional
// subset to compare with the rest), and the list of past runs.
import { pick } from '../../i18n';
import { append, h, uid } from '../../form/dom';
import type { Definition } from '../../types';
import { BASE, problemText, type Ctx } from '../app';
import * as api from '../client';
import { filteredAddress, pointAddress } from '../addresses';
import { activeFilters, clean, filterFromUrl, filterPanel } from '../filter';
import { formatCount, formatDateTime, optionLabel, questionTitle, roleLabel } from '../labels';
import type { EvaluationRequest, ModuleView, Run, StoryFilter } from '../model';
import { w, type WKey } from '../texts';
import { remember } from './run';

export async function evaluationsView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  const filter = filterFromUrl(ctx.query);
  ctx.title(`${w('evaluations.title')} – ${pick(d.title)}`);
  const runs = await api.evaluations(slug);
  // the question modules this story point shares with others: each can be evaluated across them
  const modules = await Promise.all((d.modules ?? []).map((m) => api.questionModule(m.id).catch(() => null)));
  if (!ctx.alive()) return;
  const here = (f: StoryFilter) => filteredAddress(`${pointAddress(slug)}/evaluaties`, f);
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('evaluations.title')),
    h('p', { class: 'intro' }, w('evaluations.intro')),
    h(
      'p',
      {},
      h('a', { href: `${pointAddress(slug)}/vergelijkingen`, id: 'to-comparisons' }, w('comparisons.link')),
    ),
    h(
      'p',
      {},
      h('a', { href: `${pointAddress(slug)}/evaluaties/gepland`, id: 'to-schedules' }, w('schedules.link')),
    ),
  );
  if (ctx.can('analyst')) {
    append(
      ctx.main,
      startForm(
        ctx,
        slug,
        d,
        modules.filter((m): m is ModuleView => m !== null),
        filter,
        (f) => ctx.go(here(f), true, '#start-heading'),
      ),
    );
  }
  append(ctx.main, pastRuns(slug, runs));
}

/**
 * Where the evaluation looks: this story point only, or every story point with the questions of a module it includes
 * (radio buttons; none when the story point includes no module).
 */
function scopeChoice(modules: ModuleView[]): { element: HTMLElement | null; module: () => string } {
  if (modules.length === 0) {
    return { element: null, module: () => '' };
  }
  const radio = (value: string, label: string, checked: boolean) => {
    const id = uid('scope');
    return h(
      'div',
      { class: 'check' },
      h('input', { type: 'radio', id, name: 'scope', value, checked }),
      h('label', { for: id }, label),
    );
  };
  const element = h(
    'fieldset',
    { class: 'filter-group', id: 'scope' },
    h('legend', {}, w('evaluations.scope')),
    radio('', w('evaluations.scopeHere'), true),
    ...modules.map((m) =>
      radio(m.id, w('evaluations.scopeModule', { module: pick(m.definition.title) }), false),
    ),
    h('p', { class: 'hint' }, w('evaluations.scopeHint')),
  );
  return {
    element,
    module: () => element.querySelector<HTMLInputElement>('input[name="scope"]:checked')?.value ?? '',
  };
}

function startForm(
  ctx: Ctx,
  slug: string,
  d: Definition,
  modules: ModuleView[],
  filter: StoryFilter,
  refilter: (f: StoryFilter) => void,
): HTMLElement {
  const scope = scopeChoice(modules);
  const minGroup = h('input', {
    type: 'number',
    id: 'min-group',
    min: 2,
    max: 10000,
    step: 1,
    value: 5,
    inputmode: 'numeric',
    'aria-describedby': 'min-group-hint',
  });
  const maxQ = h('input', {
    type: 'number',
    id: 'max-q',
    min: 0.001,
    max: 1,
    step: 0.001,
    value: 0.05,
    inputmode: 'decimal',
    'aria-describedby': 'max-q-hint',
  });
  const completeOnly = h('input', { type: 'checkbox', id: 'complete-only', checked: true });
  const subsetVariable = h(
    'select',
    { id: 'subset-variable' },
    h('option', { value: '' }, w('evaluations.subsetNone')),
    h('option', { value: 'role' }, w('variable.role')),
    ...d.questions
      .filter((q) => q.type === 'choice' || q.type === 'multichoice')
      .map((q) => h('option', { value: q.id }, questionTitle(q))),
  );
  const subsetOptions = h('fieldset', { class: 'options', id: 'subset-options', hidden: true });
  subsetVariable.addEventListener('change', () => {
    const id = subsetVariable.value;
    subsetOptions.replaceChildren();
    subsetOptions.hidden = id === '';
    if (id === '') return;
    const options =
      id === 'role'
        ? d.roles.map((r) => [r.id, roleLabel(d, r.id)])
        : (d.questions.find((q) => q.id === id)?.options ?? []).map((o) => [
            o.id,
            optionLabel(
              d.questions.find((q) => q.id === id),
              o.id,
            ),
          ]);
    subsetOptions.append(
      h('legend', {}, w('evaluations.subsetOptions')),
      ...options.map(([value, label]) => {
        const cid = uid('subset');
        return h(
          'div',
          { class: 'check' },
          h('input', { type: 'checkbox', id: cid, name: 'subset', value }),
          h('label', { for: cid }, label),
        );
      }),
    );
  });
  const error = h('p', { class: 'error', role: 'alert', id: 'start-error' });
  const submit = h(
    'button',
    { type: 'submit', class: 'button primary', id: 'start-evaluation' },
    w('evaluations.start'),
  );
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'start-heading' },
    h('h2', { id: 'start-heading', tabindex: -1 }, w('evaluations.new')),
    scope.element,
    h('p', {}, w('evaluations.withFilters')),
    activeFilters(d, filter, refilter),
    filterPanel(d, filter, refilter),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('evaluations.settings')),
      h(
        'div',
        { class: 'field-inline' },
        h('label', { for: 'min-group' }, w('evaluations.minGroupSize')),
        minGroup,
      ),
      h('p', { class: 'hint', id: 'min-group-hint' }, w('evaluations.minGroupSizeHint')),
      h('div', { class: 'field-inline' }, h('label', { for: 'max-q' }, w('evaluations.maxQ')), maxQ),
      h('p', { class: 'hint', id: 'max-q-hint' }, w('evaluations.maxQHint')),
      h(
        'div',
        { class: 'check' },
        completeOnly,
        h('label', { for: 'complete-only' }, w('evaluations.completeOnly')),
      ),
    ),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('evaluations.subset')),
      h('p', { class: 'hint' }, w('evaluations.subsetHint')),
      h(
        'div',
        { class: 'field-inline' },
        h('label', { for: 'subset-variable' }, w('evaluations.subsetVariable')),
        subsetVariable,
      ),
      subsetOptions,
    ),
    error,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      error.textContent = '';
      const module = scope.module();
      const request: EvaluationRequest = {
        ...(module === '' ? { storyPoint: slug } : { module }),
        filter: clean({ ...filter, includeIncomplete: !completeOnly.checked }),
        settings: {
          minGroupSize: Number(minGroup.value) || undefined,
          maxQ: Number(maxQ.value) || undefined,
        },
      };
      const variable = subsetVariable.value;
      if (variable !== '') {
        const chosen = [...subsetOptions.querySelectorAll<HTMLInputElement>('input:checked')].map(
          (i) => i.value,
        );
        if (chosen.length === 0) {
          error.textContent = w('evaluations.subsetChoose');
          subsetVariable.focus();
          return;
        }
        request.subset = {
          filter: variable === 'role' ? { roles: chosen } : { answers: { [variable]: chosen } },
        };
      }
      submit.disabled = true;
      try {
        const run = await api.startEvaluation(request);
        remember(run);
        ctx.go(`${BASE}/${encodeURIComponent(slug)}/evaluaties/${run.id}`);
      } catch (e) {
        submit.disabled = false;
        error.textContent = problemText(e);
      }
    })();
  });
  return form;
}

function pastRuns(slug: string, runs: Run[]): HTMLElement {
  const section = h(
    'section',
    { 'aria-labelledby': 'runs-heading' },
    h('h2', { id: 'runs-heading' }, w('evaluations.past')),
  );
  if (runs.length === 0) {
    section.append(h('p', {}, w('evaluations.noneYet')));
    return section;
  }
  section.append(
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'runs-heading' },
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, w('evaluations.when')),
            h('th', { scope: 'col' }, w('evaluations.by')),
            h('th', { scope: 'col' }, w('evaluations.status')),
            h('th', { scope: 'col', class: 'num' }, w('evaluations.stories')),
            h('th', { scope: 'col' }, w('evaluations.kind')),
          ),
        ),
        h(
          'tbody',
          {},
          ...runs.map((run) =>
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                h(
                  'a',
                  { href: `${BASE}/${encodeURIComponent(slug)}/evaluaties/${run.id}` },
                  formatDateTime(run.createdAt),
                ),
              ),
              h('td', {}, run.requestedBy),
              h('td', {}, w(`status.${run.status}` as WKey)),
              h('td', { class: 'num' }, formatCount(run.stories)),
              h(
                'td',
                {},
                run.module
                  ? w('evaluations.acrossStoryPoints', { count: run.storyPoints?.length ?? 0 })
                  : run.request.subset
                    ? w('evaluations.withSubset')
                    : w('evaluations.patterns'),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  return section;
}
