// Context figures next to the dashboard (cijfers naast de verhalen): every figure of the story point, grouped by
// indicator (region, period, value with its unit, source), the sets they came in, and for analysts an upload of a
// CSV file; a refused file lists each bad cell by line and column in words.
import { ApiError } from '../../api';
import { figureTable } from '../../card/figures';
import { h } from '../../form/dom';
import type { Ctx } from '../app';
import * as api from '../client';
import { field, fieldError, statusLine } from '../fields';
import { figureProblems } from '../figureproblems';
import { formatDateTime } from '../labels';
import type { FigureSet, FigureView } from '../model';
import { problemText } from '../problems';
import { w } from '../texts';

/** The section, filled in when the figures have come; it stays empty for someone who may not read them. */
export function figuresSection(ctx: Ctx, slug: string): HTMLElement {
  const list = h('div', { id: 'figures-list' });
  const section = h(
    'section',
    { class: 'card figures', id: 'figures', 'aria-labelledby': 'figures-heading' },
    h('h2', { id: 'figures-heading' }, w('figures.title')),
    h('p', { class: 'hint' }, w('figures.intro')),
    list,
  );
  const load = async () => {
    try {
      const data = await api.figures(slug);
      if (!ctx.alive()) return;
      list.replaceChildren(...figureTables(data.sets), setList(ctx, slug, data.sets, load));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 403 || error.status === 401)) {
        section.remove();
        return;
      }
      list.replaceChildren(h('p', { class: 'error' }, w('figures.loadFailed')));
    }
  };
  if (ctx.can('analyst')) {
    section.append(uploadForm(slug, load));
  }
  void load();
  return section;
}

/** One small table per indicator, in the order the indicators first appear. */
function figureTables(sets: FigureSet[]): HTMLElement[] {
  const byIndicator = new Map<string, FigureView[]>();
  for (const set of sets) {
    for (const f of set.figures) {
      const key = f.indicator;
      byIndicator.set(key, [...(byIndicator.get(key) ?? []), f]);
    }
  }
  if (byIndicator.size === 0) {
    return [h('p', { class: 'figures-none' }, w('figures.none'))];
  }
  let n = 0;
  return [...byIndicator.entries()].map(([indicator, figures]) =>
    figureTable(figures, `figures-indicator-${++n}`, indicator),
  );
}

/** The sets the figures came in, each with who added it and when; analysts can delete a set. */
function setList(ctx: Ctx, slug: string, sets: FigureSet[], reload: () => Promise<void>): HTMLElement {
  const status = statusLine('figures-set-status');
  return h(
    'details',
    { class: 'figure-sets' },
    h('summary', {}, w('figures.sets', { count: sets.length })),
    h(
      'ul',
      { class: 'plain-list' },
      ...sets.map((set) =>
        h(
          'li',
          {},
          w('figures.setLine', {
            name: set.name,
            count: set.figures.length,
            who: set.uploadedBy,
            when: formatDateTime(set.uploadedAt),
          }),
          ctx.can('analyst')
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'button secondary small',
                  onclick: () => {
                    void (async () => {
                      if (!window.confirm(w('figures.deleteConfirm', { name: set.name }))) return;
                      try {
                        await api.deleteFigureSet(slug, set.name);
                        await reload();
                        ctx.announce(w('figures.deleted', { name: set.name }));
                      } catch (error) {
                        status.fail(problemText(error));
                      }
                    })();
                  },
                },
                w('figures.deleteSet', { name: set.name }),
              )
            : null,
        ),
      ),
    ),
    status.element,
  );
}

/** A CSV file and the name of its set; a refused file lists every problem. */
function uploadForm(slug: string, reload: () => Promise<void>): HTMLElement {
  const file = h('input', { type: 'file', id: 'figures-file', accept: '.csv,text/csv' });
  const name = h('input', { type: 'text', id: 'figures-name', maxlength: 100 });
  const send = h(
    'button',
    { type: 'submit', class: 'button primary', id: 'figures-send' },
    w('figures.send'),
  );
  const status = statusLine('figures-status');
  const problems = h('ul', { class: 'error figure-problems', id: 'figures-problems' });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen && name.value.trim() === '') {
      name.value = chosen.name.replace(/\.csv$/i, '');
    }
  });
  const form = h(
    'form',
    { class: 'figure-upload', novalidate: true },
    h('h3', {}, w('figures.upload')),
    h('p', { class: 'hint' }, w('figures.uploadHint')),
    field(file, w('figures.file')),
    field(name, w('figures.name'), w('figures.nameHint')),
    h('div', { class: 'actions' }, send),
    status.element,
    problems,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      fieldError(file, null);
      fieldError(name, null);
      problems.replaceChildren();
      const chosen = file.files?.[0];
      if (!chosen) {
        fieldError(file, w('figures.chooseFile'));
        file.focus();
        return;
      }
      if (name.value.trim() === '') {
        fieldError(name, w('figures.nameRequired'));
        name.focus();
        return;
      }
      send.disabled = true;
      status.say(w('figures.sending'));
      try {
        const set = await api.uploadFigures(slug, name.value.trim(), chosen);
        status.say(w('figures.added', { count: set.figures.length, name: set.name }), true);
        file.value = '';
        name.value = '';
        await reload();
      } catch (error) {
        const listed = error instanceof ApiError ? figureProblems(error) : [];
        if (listed.length > 0) {
          status.fail(w('figures.refused'));
          problems.replaceChildren(...listed.map((text) => h('li', {}, text)));
        } else {
          status.fail(problemText(error));
        }
      } finally {
        send.disabled = false;
      }
    })();
  });
  return form;
}
