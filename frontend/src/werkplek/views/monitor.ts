// Monitoring over time: choose an indicator (a share of answers from a slider value on, a slider's median, a share
// of an option), quarters or months, optionally a part of the stories against the rest; see it as a line chart with
// its 95% interval as a band, and the same numbers in a table.
import { pick } from '../../i18n';
import { append, h, uid } from '../../form/dom';
import type { Definition, Question } from '../../types';
import { problemText, type Ctx } from '../app';
import * as api from '../client';
import { formatCount, formatNumber, locale, optionLabel, questionTitle } from '../labels';
import { cardAddress } from '../addresses';
import { statusLine } from '../fields';
import type { ModuleView, Monitor, MonitorIndicator, MonitorPoint, MonitorRequest } from '../model';
import { lineChart } from '../monitorchart';
import { w } from '../texts';

type Kind = MonitorIndicator['kind'];

const fits = (kind: Kind, q: Question) =>
  kind === 'share-option' ? q.type === 'choice' || q.type === 'multichoice' : q.type === 'slider';

/** "2025 K1" / "2025 Q1", or "jan. 2025" for a month. */
export function periodLabel(
  point: Pick<MonitorPoint, 'period' | 'start'>,
  interval: Monitor['interval'],
): string {
  if (interval === 'month') {
    return new Date(`${point.start}T12:00:00Z`).toLocaleDateString(locale(), {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  const [year, quarter] = point.period.split('-Q');
  return w('monitor.quarter', { year, quarter });
}

/** A value as shown: a share as a whole percentage, a median with at most one decimal. */
export function formatValue(value: number | undefined, shares: boolean): string {
  if (value === undefined || value === null) {
    return '–';
  }
  if (shares) {
    return `${Math.round(value * 100).toLocaleString(locale())}%`;
  }
  return formatNumber(value, Number.isInteger(value) ? 0 : 1);
}

/** The indicator in words: "Aandeel verhalen met 70 of hoger bij ‘12. Gehoord voelen’". */
export function indicatorTitle(d: Definition, indicator: MonitorIndicator): string {
  const q = d.questions.find((x) => x.id === indicator.question);
  const question = q ? questionTitle(q) : indicator.question;
  switch (indicator.kind) {
    case 'median':
      return w('monitor.titleMedian', { question });
    case 'share-option':
      return w('monitor.titleOption', { question, option: optionLabel(q, indicator.option ?? '') });
    default:
      return w('monitor.titleAtLeast', { question, threshold: indicator.threshold ?? 0 });
  }
}

export async function monitorView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  // the question modules this story point shares with others: it can be set against them
  const modules = (
    await Promise.all((d.modules ?? []).map((m) => api.questionModule(m.id).catch(() => null)))
  ).filter((m): m is ModuleView => m !== null);
  if (!ctx.alive()) return;
  ctx.title(`${w('monitor.title')} – ${pick(d.title)}`);
  const result = h('section', { class: 'monitor-result', 'aria-live': 'polite' });
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('monitor.title')),
    h('p', { class: 'intro' }, w('monitor.intro')),
    form(ctx, slug, d, modules, result),
    result,
  );
}

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control,
  );
}

function form(
  ctx: Ctx,
  slug: string,
  d: Definition,
  modules: ModuleView[],
  result: HTMLElement,
): HTMLElement {
  const kind = h(
    'select',
    { id: 'monitor-kind' },
    h('option', { value: 'share-at-least' }, w('monitor.kindAtLeast')),
    h('option', { value: 'median' }, w('monitor.kindMedian')),
    h('option', { value: 'share-option' }, w('monitor.kindOption')),
  );
  const question = h('select', { id: 'monitor-question' });
  const threshold = h('input', {
    type: 'number',
    id: 'monitor-threshold',
    min: 0,
    max: 100,
    step: 1,
    value: 70,
    inputmode: 'numeric',
    'aria-describedby': 'monitor-threshold-hint',
  });
  const option = h('select', { id: 'monitor-option' });
  const interval = h(
    'select',
    { id: 'monitor-interval' },
    h('option', { value: 'quarter' }, w('monitor.perQuarter')),
    h('option', { value: 'month' }, w('monitor.perMonth')),
  );
  const choiceQuestions = d.questions.filter((q) => q.type === 'choice');
  const compareQuestion = h(
    'select',
    { id: 'monitor-compare' },
    h('option', { value: '' }, w('monitor.compareNone')),
    ...choiceQuestions.map((q) => h('option', { value: q.id }, questionTitle(q))),
    ...modules.map((m) =>
      h(
        'option',
        { value: `module:${m.id}` },
        w('monitor.compareModule', { module: pick(m.definition.title) }),
      ),
    ),
  );
  const compareOption = h('select', { id: 'monitor-compare-option' });
  const from = h('input', { type: 'date', id: 'monitor-from' });
  const to = h('input', { type: 'date', id: 'monitor-to' });
  const thresholdField = field(
    'monitor-threshold',
    w('monitor.threshold'),
    threshold,
    w('monitor.thresholdHint'),
  );
  const optionField = field('monitor-option', w('monitor.option'), option);
  const compareOptionField = field('monitor-compare-option', w('monitor.compareOption'), compareOption);
  const error = h('p', { class: 'error', id: 'monitor-error', role: 'alert' });

  const fillQuestions = () => {
    const k = kind.value as Kind;
    const keep = question.value;
    question.replaceChildren(
      ...d.questions.filter((q) => fits(k, q)).map((q) => h('option', { value: q.id }, questionTitle(q))),
    );
    if ([...question.options].some((o) => o.value === keep)) question.value = keep;
    thresholdField.hidden = k !== 'share-at-least';
    optionField.hidden = k !== 'share-option';
    fillOptions();
  };
  const fillOptions = () => {
    const q = d.questions.find((x) => x.id === question.value);
    option.replaceChildren(
      ...(q?.options ?? []).map((o) => h('option', { value: o.id }, optionLabel(q, o.id))),
    );
  };
  const fillCompare = () => {
    const q = d.questions.find((x) => x.id === compareQuestion.value);
    compareOption.replaceChildren(
      ...(q?.options ?? []).map((o) => h('option', { value: o.id }, optionLabel(q, o.id))),
    );
    compareOptionField.hidden = !q;
  };
  kind.addEventListener('change', fillQuestions);
  question.addEventListener('change', fillOptions);
  compareQuestion.addEventListener('change', fillCompare);
  fillQuestions();
  fillCompare();

  const submit = h('button', { type: 'submit', class: 'button primary' }, w('monitor.show'));
  const formEl = h(
    'form',
    { class: 'card monitor-form', novalidate: true },
    h('h2', { id: 'monitor-choose' }, w('monitor.choose')),
    h(
      'div',
      { class: 'filter-form' },
      field('monitor-kind', w('monitor.kind'), kind),
      field('monitor-question', w('monitor.question'), question),
      thresholdField,
      optionField,
      field('monitor-interval', w('monitor.interval'), interval),
      field('monitor-compare', w('monitor.compare'), compareQuestion, w('monitor.compareHint')),
      compareOptionField,
      field('monitor-from', w('filter.from'), from),
      field('monitor-to', w('filter.to'), to),
    ),
    error,
    h('p', { class: 'actions' }, submit),
  );
  let last: { monitor: Monitor; names: GroupNames; request: MonitorRequest; module: string | null } | null =
    null;
  let toCard: HTMLElement | null = null;
  const draw = () => {
    if (last) {
      result.replaceChildren(...monitorResult(d, last.monitor, last.names, result.clientWidth));
      if (toCard && last.monitor.periods.length > 0) result.append(toCard);
    }
  };
  let resized = 0;
  window.addEventListener('resize', () => {
    if (!ctx.alive()) return;
    window.clearTimeout(resized);
    resized = window.setTimeout(draw, 150);
  });
  formEl.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    const k = kind.value as Kind;
    const indicator: MonitorIndicator = { kind: k, question: question.value };
    if (k === 'share-at-least') {
      const value = Number(threshold.value);
      if (threshold.value === '' || !Number.isInteger(value) || value < 0 || value > 100) {
        error.textContent = w('monitor.thresholdWrong');
        threshold.focus();
        return;
      }
      indicator.threshold = value;
    }
    if (k === 'share-option') indicator.option = option.value;
    const request: MonitorRequest = {
      indicators: [indicator],
      interval: interval.value as MonitorRequest['interval'],
    };
    if (from.value || to.value) {
      request.filter = { ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) };
    }
    const cq = d.questions.find((q) => q.id === compareQuestion.value);
    if (cq && compareOption.value) {
      request.compare = { filter: { answers: { [cq.id]: [compareOption.value] } } };
    }
    // this story point against the others that include the module: across the module, the story point as the part
    const module = compareQuestion.value.startsWith('module:')
      ? compareQuestion.value.substring('module:'.length)
      : null;
    if (module !== null) {
      request.compare = { filter: { answers: { storyPoint: [slug] } } };
    }
    submit.disabled = true;
    (module !== null ? api.moduleMonitor(module, request) : api.monitor(slug, request))
      .then((monitor) => {
        if (!ctx.alive()) return;
        const focus = module !== null ? pick(d.title) : cq ? optionLabel(cq, compareOption.value) : '';
        last = {
          monitor,
          names: { focus, rest: w(module !== null ? 'monitor.groupRestPoints' : 'monitor.groupRest') },
          request,
          module,
        };
        toCard = putOnCard(ctx, slug, request, module);
        draw();
        ctx.announce(w('monitor.shown'));
      })
      .catch((e: unknown) => {
        error.textContent = problemText(e);
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  return formEl;
}

/** The names of the part set against the rest, and of the rest. */
export interface GroupNames {
  focus: string;
  rest: string;
}

function groupLabel(group: string, names: GroupNames): string {
  if (group === 'focus') return names.focus;
  return group === 'rest' ? names.rest : w('monitor.groupAll');
}

/**
 * Indicator {@code index} of a result: its title, the chart with a legend, and the same numbers in a table; {@code
 * suffix} keeps ids apart when several are on one page.
 */
export function monitorResult(
  d: Definition,
  monitor: Monitor,
  names: GroupNames,
  width: number,
  index = 0,
  suffix = '',
): Node[] {
  const focus = names.focus;
  const result = monitor.indicators[index];
  const shares = result.indicator.kind !== 'median';
  const title = indicatorTitle(d, result.indicator);
  const valued = result.series.some((s) => s.points.some((p) => p.value !== undefined));
  const labels = (p: MonitorPoint) => periodLabel(p, monitor.interval);
  const nodes: Node[] = [
    h('h2', { class: 'chart-title', id: `monitor-heading${suffix}` }, title),
    h('p', { class: 'hint' }, w('monitor.bandHint', { k: monitor.threshold })),
  ];
  if (monitor.periods.length === 0) {
    nodes.push(h('p', {}, w('monitor.noStories')));
    return nodes;
  }
  if (!valued) {
    nodes.push(h('p', {}, w('monitor.noValues', { k: monitor.threshold })));
  }
  const legend = h(
    'ul',
    { class: 'monitor-legend' },
    ...result.series.map((s, i) =>
      h(
        'li',
        {},
        h('span', { class: `monitor-swatch monitor-swatch-${i}`, 'aria-hidden': 'true' }),
        groupLabel(s.group, names),
      ),
    ),
  );
  const description = w(monitor.compared ? 'monitor.descCompared' : 'monitor.desc', {
    periods: monitor.periods.length,
    first: labels(result.series[0].points[0]),
    last: labels(result.series[0].points[result.series[0].points.length - 1]),
    focus,
    rest: names.rest.toLowerCase(),
  });
  const chart = h('div', { class: 'monitor-chart' });
  chart.append(
    lineChart(
      {
        title,
        description,
        shares,
        width: Math.max(0, width - 2),
        series: result.series.map((s) => ({
          label: groupLabel(s.group, names),
          points: s.points.map((p) => ({ label: labels(p), value: p.value, low: p.low, high: p.high })),
        })),
      },
      uid('monitor'),
    ),
  );
  const many = result.series.length > 1;
  const table = h(
    'table',
    { class: 'monitor-table' },
    h('caption', {}, title),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, w('monitor.period')),
        many ? h('th', { scope: 'col' }, w('monitor.group')) : null,
        h('th', { scope: 'col' }, w('monitor.stories')),
        h('th', { scope: 'col' }, shares ? w('monitor.share') : w('monitor.median')),
        h('th', { scope: 'col' }, w('monitor.interval95')),
      ),
    ),
    h(
      'tbody',
      {},
      ...result.series[0].points.flatMap((_, i) =>
        result.series.map((s) => {
          const p = s.points[i];
          return h(
            'tr',
            {},
            h('th', { scope: 'row' }, labels(p)),
            many ? h('td', {}, groupLabel(s.group, names)) : null,
            h('td', { class: 'num' }, formatCount(p.stories)),
            h(
              'td',
              { class: 'num' },
              p.value === undefined ? w('monitor.tooFew') : formatValue(p.value, shares),
            ),
            h(
              'td',
              { class: 'num' },
              p.value === undefined ? '–' : `${formatValue(p.low, shares)} – ${formatValue(p.high, shares)}`,
            ),
          );
        }),
      ),
    ),
  );
  nodes.push(
    legend,
    chart,
    h(
      'details',
      { class: 'chart-table', open: true },
      h('summary', {}, w('monitor.tableSummary')),
      h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': title }, table),
    ),
  );
  return nodes;
}

/**
 * "Zet op een kaart": choose one of the story point's cards and put this chart on it, as a snapshot (a card holds one
 * trend; one it had is replaced).
 */
function putOnCard(ctx: Ctx, slug: string, request: MonitorRequest, module: string | null): HTMLElement {
  const select = h('select', { id: 'monitor-card' });
  const button = h('button', { type: 'button', class: 'button', id: 'monitor-to-card' }, w('monitor.toCard'));
  const status = statusLine('monitor-card-status');
  const choose = h(
    'div',
    { class: 'field' },
    h('label', { for: 'monitor-card' }, w('monitor.toCardLabel')),
    select,
  );
  const element = h(
    'section',
    { class: 'card monitor-to-card', 'aria-labelledby': 'monitor-card-heading' },
    h('h2', { id: 'monitor-card-heading' }, w('monitor.toCardTitle')),
    h('p', { class: 'hint' }, w('monitor.toCardHint')),
    choose,
    h('p', { class: 'actions' }, button),
    status.element,
  );
  let versions = new Map<string, number>();
  api
    .cards(slug)
    .then((cards) => {
      if (!ctx.alive()) return;
      versions = new Map(cards.map((c) => [c.id, c.version]));
      select.replaceChildren(
        ...cards.map((c) =>
          h(
            'option',
            { value: c.id },
            w(c.hasTrend ? 'monitor.cardWithTrend' : 'monitor.cardOption', {
              number: c.number,
              title: c.title,
            }),
          ),
        ),
      );
      if (cards.length === 0) {
        choose.hidden = true;
        button.hidden = true;
        status.say(w('monitor.noCards'));
      }
    })
    .catch((error: unknown) => status.fail(problemText(error), false));
  button.addEventListener('click', () => {
    const id = select.value;
    if (!id) return;
    button.disabled = true;
    status.say(w('card.saving'));
    api
      .putTrend(id, { version: versions.get(id), ...(module !== null ? { module } : {}), request })
      .then((card) => {
        versions.set(id, card.version);
        status.element.replaceChildren(
          w('monitor.onCard', { number: card.number }),
          ' ',
          h('a', { href: cardAddress(slug, card.id), id: 'monitor-card-link' }, w('monitor.openCard')),
        );
        status.element.classList.remove('error');
        status.element.focus();
      })
      .catch((error: unknown) => status.fail(problemText(error)))
      .finally(() => {
        button.disabled = false;
      });
  });
  return element;
}
