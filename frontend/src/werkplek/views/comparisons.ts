// Comparisons of a story point: start one (a part of the stories against the rest, one period against another,
// or this story point against the others that share a question module), and the list of earlier ones.
import { pick } from '../../i18n';
import { append, h, uid } from '../../form/dom';
import type { Definition } from '../../types';
import { problemText, type Ctx } from '../app';
import * as api from '../client';
import { pointAddress } from '../addresses';
import { formatCount, formatDateTime, optionLabel, questionTitle, roleLabel } from '../labels';
import type { ComparisonRequest, ComparisonRun, ModuleView } from '../model';
import { w } from '../texts';
import { describeSides, rememberComparison } from './comparison';

export function comparisonsAddress(slug: string): string {
  return `${pointAddress(slug)}/vergelijkingen`;
}

export function comparisonAddress(slug: string, id: string): string {
  return `${comparisonsAddress(slug)}/${encodeURIComponent(id)}`;
}

export async function comparisonsView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  ctx.title(`${w('comparisons.title')} – ${pick(d.title)}`);
  const [runs, modules] = await Promise.all([
    api.comparisons(slug),
    Promise.all((d.modules ?? []).map((m) => api.questionModule(m.id).catch(() => null))),
  ]);
  if (!ctx.alive()) return;
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('comparisons.title')),
    h('p', { class: 'intro' }, w('comparisons.intro')),
  );
  if (ctx.can('analyst')) {
    append(
      ctx.main,
      startForm(
        ctx,
        slug,
        d,
        modules.filter((m): m is ModuleView => m !== null),
      ),
    );
  }
  append(ctx.main, pastComparisons(slug, d, runs));
}

/** The choices of a part of the stories: the role and every choice question. */
function partVariables(d: Definition): [string, string][] {
  return [
    ['role', w('variable.role')],
    ...d.questions
      .filter((q) => q.type === 'choice' || q.type === 'multichoice')
      .map((q): [string, string] => [q.id, questionTitle(q)]),
  ];
}

function dateField(id: string, label: string): [HTMLInputElement, HTMLElement] {
  const input = h('input', { type: 'date', id });
  return [input, h('div', { class: 'field-inline' }, h('label', { for: id }, label), input)];
}

function startForm(ctx: Ctx, slug: string, d: Definition, modules: ModuleView[]): HTMLElement {
  const kinds: [string, string][] = [
    ['part', w('comparisons.part')],
    ['periods', w('comparisons.periods')],
    ...modules.map((m): [string, string] => [
      `module:${m.id}`,
      w('comparisons.module', { module: pick(m.definition.title) }),
    ]),
  ];
  const kindChoice = h(
    'fieldset',
    { class: 'filter-group', id: 'comparison-kind' },
    h('legend', {}, w('comparisons.what')),
    ...kinds.map(([value, label], i) => {
      const id = uid('kind');
      return h(
        'div',
        { class: 'check' },
        h('input', { type: 'radio', name: 'comparison-kind', id, value, checked: i === 0 }),
        h('label', { for: id }, label),
      );
    }),
  );

  const variable = h(
    'select',
    { id: 'part-variable' },
    h('option', { value: '' }, w('comparisons.partChoose')),
    ...partVariables(d).map(([value, label]) => h('option', { value }, label)),
  );
  const options = h('fieldset', { class: 'options', id: 'part-options', hidden: true });
  variable.addEventListener('change', () => {
    const id = variable.value;
    options.replaceChildren();
    options.hidden = id === '';
    if (id === '') return;
    const q = d.questions.find((x) => x.id === id);
    const choices =
      id === 'role'
        ? d.roles.map((r) => [r.id, roleLabel(d, r.id)])
        : (q?.options ?? []).map((o) => [o.id, optionLabel(q, o.id)]);
    options.append(
      h('legend', {}, w('comparisons.partOptions')),
      ...choices.map(([value, label]) => {
        const cid = uid('part');
        return h(
          'div',
          { class: 'check' },
          h('input', { type: 'checkbox', id: cid, name: 'part', value }),
          h('label', { for: cid }, label),
        );
      }),
    );
  });
  const partFields = h(
    'div',
    { id: 'part-fields' },
    h(
      'div',
      { class: 'field-inline' },
      h('label', { for: 'part-variable' }, w('comparisons.partVariable')),
      variable,
    ),
    options,
  );

  const [focusFrom, focusFromField] = dateField('focus-from', w('comparisons.from'));
  const [focusTo, focusToField] = dateField('focus-to', w('comparisons.to'));
  const [referenceFrom, referenceFromField] = dateField('reference-from', w('comparisons.from'));
  const [referenceTo, referenceToField] = dateField('reference-to', w('comparisons.to'));
  const periodFields = h(
    'div',
    { id: 'period-fields', hidden: true },
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('comparisons.focusPeriod')),
      focusFromField,
      focusToField,
    ),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, w('comparisons.referencePeriod')),
      referenceFromField,
      referenceToField,
    ),
  );
  const chosenKind = () =>
    kindChoice.querySelector<HTMLInputElement>('input[name="comparison-kind"]:checked')?.value ?? 'part';
  kindChoice.addEventListener('change', () => {
    partFields.hidden = chosenKind() !== 'part';
    periodFields.hidden = chosenKind() !== 'periods';
  });

  const error = h('p', { class: 'error', role: 'alert', id: 'comparison-error' });
  const submit = h(
    'button',
    { type: 'submit', class: 'button primary', id: 'start-comparison' },
    w('comparisons.start'),
  );
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'comparison-heading' },
    h('h2', { id: 'comparison-heading', tabindex: -1 }, w('comparisons.new')),
    kindChoice,
    partFields,
    periodFields,
    error,
    h('div', { class: 'actions' }, submit),
  );

  /** The request the form describes, or null after saying what is missing. */
  const request = (): ComparisonRequest | null => {
    const kind = chosenKind();
    if (kind.startsWith('module:')) {
      return { module: kind.substring('module:'.length), focus: { storyPoints: [slug] }, reference: 'rest' };
    }
    if (kind === 'periods') {
      if (!focusFrom.value || !focusTo.value || !referenceFrom.value || !referenceTo.value) {
        error.textContent = w('comparisons.choosePeriods');
        (focusFrom.value ? (focusTo.value ? referenceFrom : focusTo) : focusFrom).focus();
        return null;
      }
      return {
        storyPoint: slug,
        focus: { filter: { from: focusFrom.value, to: focusTo.value } },
        reference: { filter: { from: referenceFrom.value, to: referenceTo.value } },
      };
    }
    const chosen = [...options.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    if (variable.value === '' || chosen.length === 0) {
      error.textContent = w('comparisons.choosePart');
      variable.focus();
      return null;
    }
    return {
      storyPoint: slug,
      focus: {
        filter: variable.value === 'role' ? { roles: chosen } : { answers: { [variable.value]: chosen } },
      },
      reference: 'rest',
    };
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    const body = request();
    if (body === null) return;
    submit.disabled = true;
    void api
      .startComparison(body)
      .then((run) => {
        rememberComparison(run);
        ctx.go(comparisonAddress(slug, run.id));
      })
      .catch((e: unknown) => {
        submit.disabled = false;
        error.textContent = problemText(e);
      });
  });
  return form;
}

function pastComparisons(slug: string, d: Definition, runs: ComparisonRun[]): HTMLElement {
  const section = h(
    'section',
    { 'aria-labelledby': 'past-comparisons' },
    h('h2', { id: 'past-comparisons' }, w('comparisons.past')),
  );
  if (runs.length === 0) {
    section.append(h('p', {}, w('comparisons.none')));
    return section;
  }
  section.append(
    h(
      'ul',
      { class: 'plain-list comparison-list' },
      ...runs.map((run) => {
        const sides = describeSides(d, run, slug);
        return h(
          'li',
          {},
          h(
            'a',
            { href: comparisonAddress(slug, run.id) },
            w('comparison.title', { date: formatDateTime(run.createdAt) }),
          ),
          h('span', { class: 'meta' }, ` · ${sides.here} ${w('comparison.against')} ${sides.elsewhere}`),
          run.status === 'done'
            ? h(
                'span',
                { class: 'meta' },
                ` · ${w('comparison.storyCounts', {
                  here: formatCount(run.focusStories),
                  elsewhere: formatCount(run.referenceStories),
                })}`,
              )
            : h('span', { class: 'meta' }, ` · ${w(`comparison.status.${run.status}`)}`),
        );
      }),
    ),
  );
  return section;
}
