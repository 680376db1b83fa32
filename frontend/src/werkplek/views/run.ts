// One pattern evaluation: its progress while it runs (polled, with a progress bar and a live message),
// then the ranked patterns (and the subset comparison), each opening its chart and statistics; patterns
// can be marked as selected for observation cards.
import { pick } from '../../i18n';
import { append, h } from '../../form/dom';
import type { Definition } from '../../types';
import { BASE, problemText, type Ctx } from '../app';
import * as api from '../client';
import { runNotes, skippedReason, subsetNotes } from '../evaluationnotes';
import { conditions } from '../filter';
import { formatCount, formatDateTime, formatNumber, formatP, variableLabel } from '../labels';
import { patternKey, type CardSummary, type Pattern, type Run } from '../model';
import { cardAction, cardsByPattern } from './cardlink';
import { w, type WKey } from '../texts';

const cache = new Map<string, Run>();
/** Whether a pattern table shows only the strong patterns, kept while the page is redrawn. */
const onlyStrongChoice = new Map<string, boolean>();

/** Keeps a run seen last, so that the next page shows it at once (finished results do not change). */
export function remember(run: Run): void {
  cache.set(run.id, run);
}

export async function loadRun(id: string): Promise<Run> {
  const known = cache.get(id);
  if (known && known.status === 'done' && known.result) {
    return known;
  }
  const run = await api.evaluation(id);
  remember(run);
  return run;
}

export function runAddress(slug: string, id: string): string {
  return `${BASE}/${encodeURIComponent(slug)}/evaluaties/${encodeURIComponent(id)}`;
}

export function kindLabel(kind: string): string {
  return w(`kind.${kind}` as WKey);
}

export function testLabel(test: string): string {
  return w(`test.${test}` as WKey);
}

export function effectLabel(name: string): string {
  return w(`effect.${name}` as WKey);
}

export function patternTitle(d: Definition, p: Pattern): string {
  return `${variableLabel(d, p.questions[0])} × ${variableLabel(d, p.questions[1])}`;
}

/** A button that marks a pattern as selected for an observation card, or takes the mark away. */
export function selectButton(
  ctx: Ctx,
  run: Run,
  p: Pattern,
  onChange: (run: Run) => void,
  label: string,
): HTMLElement {
  const key = patternKey(p);
  const selected = run.selected.includes(key);
  const button = h(
    'button',
    {
      type: 'button',
      class: `button small ${selected ? 'primary' : 'secondary'} select-pattern`,
      'aria-pressed': String(selected),
      'aria-label': label,
      'data-pattern': key,
    },
    selected ? w('run.selected') : w('run.select'),
  );
  button.addEventListener('click', () => {
    button.disabled = true;
    void (selected ? api.unselect(run.id, key) : api.select(run.id, key))
      .then((updated) => {
        const merged: Run = { ...run, selected: updated.selected };
        remember(merged);
        onChange(merged);
        document
          .querySelector<HTMLElement>(`button.select-pattern[data-pattern="${CSS.escape(key)}"]`)
          ?.focus();
        ctx.announce(updated.selected.includes(key) ? w('run.selectedNow') : w('run.unselectedNow'));
      })
      .catch((error: unknown) => {
        button.disabled = false;
        ctx.announce(problemText(error));
      });
  });
  return button;
}

export async function runView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  const d = point.definition;
  let run = cache.get(ctx.params.id) ?? (await loadRun(ctx.params.id));
  if (!ctx.alive()) return;
  ctx.title(`${w('run.title', { date: formatDateTime(run.createdAt) })} – ${pick(d.title)}`);
  const progress = h('progress', {
    max: 100,
    value: 0,
    id: 'run-progress',
    'aria-labelledby': 'progress-label',
  });
  const progressLabel = h('span', { id: 'progress-label', class: 'progress-label' });
  const live = h('p', { class: 'status-line', role: 'status', id: 'run-status' });
  const results = h('div', { id: 'run-results' });
  let lastAnnounced = -1;
  /** The cards of the story point by pattern, once the run is done (null until then). */
  let cards: Map<string, CardSummary> | null = null;

  const show = () => {
    const percent = Math.round((run.status === 'done' ? 1 : run.progress) * 100);
    progress.value = percent;
    progressLabel.textContent = w('run.progressLabel', { percent });
    const message =
      run.status === 'queued'
        ? w('run.queued')
        : run.status === 'running'
          ? w('run.running', { percent })
          : run.status === 'done'
            ? w('run.done', {
                strong: run.result?.summary.strong ?? 0,
                tests: run.result?.summary.tests ?? 0,
              })
            : w('run.failed');
    // speak at the start, every 25% and at the end, not at every poll
    const step =
      run.status === 'running'
        ? Math.floor(percent / 25)
        : run.status === 'done'
          ? 100
          : run.status === 'failed'
            ? 101
            : -2;
    if (step !== lastAnnounced) {
      live.textContent = message;
      lastAnnounced = step;
    }
    if (run.status === 'done' && run.result) {
      results.replaceChildren(
        ...resultView(ctx, d, run, cards, (updated) => {
          run = updated;
          show();
        }),
      );
    } else if (run.status === 'failed') {
      results.replaceChildren(h('p', { class: 'error' }, w('run.failedHint')));
    }
  };

  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('run.title', { date: formatDateTime(run.createdAt) })),
    describeRequest(d, run),
    h(
      'section',
      { class: 'card progress-card', 'aria-labelledby': 'progress-label' },
      h('div', { class: 'progress' }, progressLabel, progress),
      live,
    ),
    results,
  );
  show();
  while (ctx.alive() && (run.status === 'queued' || run.status === 'running')) {
    await new Promise((resolve) => window.setTimeout(resolve, 500));
    if (!ctx.alive()) return;
    try {
      run = await api.evaluation(run.id);
      remember(run);
    } catch (error) {
      live.textContent = problemText(error);
      continue;
    }
    show();
  }
  if (run.status === 'done' && ctx.alive()) {
    cards = await cardsByPattern(slug).catch(() => null);
    if (cards !== null && ctx.alive()) {
      show();
    }
  }
}

function describeRequest(d: Definition, run: Run): HTMLElement {
  const filter = conditions(d, {
    ...run.request.filter,
    includeIncomplete: run.request.filter?.includeIncomplete === true,
  });
  // the settings as applied (minGroupSize at least the suppression threshold), else as asked
  const s = run.result?.settings ?? run.request.settings ?? {};
  const subset = run.request.subset
    ? conditions(d, { ...run.request.subset.filter, includeIncomplete: true })
    : [];
  return h(
    'dl',
    { class: 'facts' },
    h('dt', {}, w('run.requestedBy')),
    h('dd', {}, run.requestedBy),
    run.module ? h('dt', {}, w('run.scope')) : null,
    run.module ? h('dd', {}, w('run.acrossStoryPoints', { count: run.storyPoints?.length ?? 0 })) : null,
    h('dt', {}, w('run.filter')),
    h('dd', {}, filter.length === 0 ? w('run.allStories') : filter.map((c) => c.label).join('; ')),
    h('dt', {}, w('run.settings')),
    h('dd', {}, w('run.settingsText', { min: s.minGroupSize ?? 5, q: s.maxQ ?? 0.05 })),
    subset.length > 0 ? h('dt', {}, w('run.subset')) : null,
    subset.length > 0 ? h('dd', {}, subset.map((c) => c.label).join('; ')) : null,
    run.stories !== null && run.stories !== undefined && run.result ? h('dt', {}, w('run.stories')) : null,
    run.result ? h('dd', {}, formatCount(run.result.stories)) : null,
  );
}

function resultView(
  ctx: Ctx,
  d: Definition,
  run: Run,
  cards: Map<string, CardSummary> | null,
  changed: (run: Run) => void,
): HTMLElement[] {
  const result = run.result;
  if (!result) return [];
  if (result.tooFew) {
    return [
      h(
        'section',
        { 'aria-labelledby': 'summary-heading' },
        h('h2', { id: 'summary-heading' }, w('run.summary')),
        h(
          'p',
          { class: 'notice-line', role: 'note' },
          w('run.tooFew', { k: result.suppressionThreshold ?? 5 }),
        ),
      ),
    ];
  }
  const out: HTMLElement[] = [];
  out.push(
    h(
      'section',
      { 'aria-labelledby': 'summary-heading' },
      h('h2', { id: 'summary-heading' }, w('run.summary')),
      h(
        'p',
        {},
        w('run.summaryText', {
          tests: result.summary.tests,
          strong: result.summary.strong,
          sc: result.summary.sliderByChoice,
          cc: result.summary.choiceByChoice,
          ss: result.summary.sliderBySlider,
        }),
      ),
      ...runNotes(result).map((n) => h('p', { class: 'hint' }, n)),
      run.selected.length > 0 ? h('p', {}, w('run.selectedCount', { count: run.selected.length })) : null,
    ),
  );
  out.push(
    patternTable(
      ctx,
      d,
      run,
      result.patterns,
      'patronen',
      'patterns-heading',
      w('run.patterns'),
      changed,
      cards,
    ),
  );
  if (result.subset) {
    out.push(
      h(
        'p',
        { class: 'hint' },
        w('run.subsetSizes', {
          subset: formatCount(result.subset.subsetStories),
          other: formatCount(result.subset.otherStories),
        }),
      ),
    );
    out.push(...subsetNotes(d, result.subset).map((n) => h('p', { class: 'hint' }, n)));
    out.push(
      patternTable(
        ctx,
        d,
        run,
        result.subset.patterns,
        'deelverzameling',
        'subset-heading',
        w('run.subsetPatterns'),
        changed,
        null,
      ),
    );
  }
  if (result.skipped.length > 0) {
    out.push(
      h(
        'details',
        { class: 'skipped' },
        h('summary', {}, w('run.skipped', { count: result.skipped.length })),
        h(
          'ul',
          {},
          ...result.skipped.map((s) =>
            h(
              'li',
              {},
              `${s.questions.map((q) => variableLabel(d, q)).join(' × ')}: ${skippedReason(s.reason)}`,
            ),
          ),
        ),
      ),
    );
  }
  return out;
}

function patternTable(
  ctx: Ctx,
  d: Definition,
  run: Run,
  patterns: Pattern[],
  side: string,
  headingId: string,
  title: string,
  changed: (run: Run) => void,
  cards: Map<string, CardSummary> | null,
): HTMLElement {
  const strongCount = patterns.filter((p) => p.strong).length;
  const onlyStrong = h('input', {
    type: 'checkbox',
    id: `${headingId}-strong`,
    checked: onlyStrongChoice.get(`${run.id}:${side}`) ?? strongCount > 0,
  });
  const body = h('tbody', {});
  const fill = () => {
    const shown = onlyStrong.checked ? patterns.filter((p) => p.strong) : patterns;
    body.replaceChildren(
      ...shown.map((p) => {
        const href = `${runAddress(run.storyPoint ?? ctx.params.slug, run.id)}/${side}/${p.rank}`;
        const name = patternTitle(d, p);
        return h(
          'tr',
          {},
          h('td', { class: 'num' }, String(p.rank)),
          h(
            'th',
            { scope: 'row' },
            h('a', { href, class: 'pattern-link' }, name),
            h('span', { class: 'cell-note' }, `${kindLabel(p.kind)} · ${testLabel(p.test)}`),
          ),
          h(
            'td',
            { class: 'num' },
            formatNumber(p.effectSize.value),
            h('span', { class: 'cell-note' }, effectLabel(p.effectSize.name)),
          ),
          h('td', { class: 'num' }, formatP(p.q)),
          h('td', { class: 'num' }, formatCount(p.n)),
          h('td', {}, p.strong ? h('strong', {}, w('run.strongYes')) : w('run.strongNo')),
          side === 'patronen'
            ? h(
                'td',
                { class: 'card-cell' },
                selectButton(ctx, run, p, changed, w('run.selectLabel', { pattern: name })),
                cards !== null
                  ? cardAction(
                      ctx,
                      run.storyPoint ?? ctx.params.slug,
                      run.id,
                      patternKey(p),
                      cards.get(`${run.id}|${patternKey(p)}`),
                      true,
                      name,
                    )
                  : null,
              )
            : null,
        );
      }),
    );
  };
  onlyStrong.addEventListener('change', () => {
    onlyStrongChoice.set(`${run.id}:${side}`, onlyStrong.checked);
    fill();
  });
  fill();
  return h(
    'section',
    { 'aria-labelledby': headingId },
    h('h2', { id: headingId }, title),
    h('p', {}, w('run.strongCount', { strong: strongCount, total: patterns.length })),
    h('div', { class: 'check' }, onlyStrong, h('label', { for: `${headingId}-strong` }, w('run.onlyStrong'))),
    side === 'patronen' ? h('p', { class: 'hint', id: `${headingId}-choose` }, w('run.chooseHint')) : null,
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': headingId },
      h(
        'table',
        { class: 'data patterns' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', class: 'num' }, w('run.rank')),
            h('th', { scope: 'col' }, w('run.pattern')),
            h('th', { scope: 'col', class: 'num' }, w('run.effect')),
            h('th', { scope: 'col', class: 'num' }, 'q'),
            h('th', { scope: 'col', class: 'num' }, 'n'),
            h('th', { scope: 'col' }, w('run.strong')),
            side === 'patronen' ? h('th', { scope: 'col' }, w('run.card')) : null,
          ),
        ),
        body,
      ),
    ),
  );
}
