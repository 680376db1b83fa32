// The sense-making sessions (duidingsbijeenkomsten) of a story point: the list, and a new session with
// its title, date and place (or online).
import { append, h } from '../../form/dom';
import { formatDay } from '../../lang';
import { pick } from '../../i18n';
import { problemText, type Ctx } from '../app';
import { sessionAddress } from '../addresses';
import * as api from '../client';
import { checkbox, field, fieldError, statusLine } from '../fields';
import type { SessionInput, SessionSummary } from '../model';
import { w } from '../texts';

export async function sessionsView(ctx: Ctx): Promise<void> {
  const slug = ctx.params.slug;
  const point = ctx.point(slug);
  if (!point) return;
  ctx.title(`${w('sessions.title')} – ${pick(point.definition.title)}`);
  if (!ctx.can('facilitator')) {
    append(
      ctx.main,
      h('h1', { tabindex: -1 }, w('sessions.title')),
      h('p', {}, w('sessions.facilitatorsOnly')),
    );
    return;
  }
  const list = await api.sessions(slug);
  if (!ctx.alive()) return;
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('sessions.title')),
    h('p', { class: 'intro' }, w('sessions.intro')),
    sessionList(slug, list),
    sessionForm(null, async (input) => {
      const created = await api.createSession({ ...input, storyPoint: slug });
      ctx.go(sessionAddress(slug, created.id));
    }),
  );
}

function sessionList(slug: string, list: SessionSummary[]): HTMLElement {
  const section = h(
    'section',
    { 'aria-labelledby': 'sessions-heading' },
    h('h2', { id: 'sessions-heading' }, w('sessions.list')),
  );
  if (list.length === 0) {
    section.append(h('p', {}, w('sessions.none')));
    return section;
  }
  section.append(
    h(
      'ul',
      { class: 'cards session-list' },
      ...list.map((s) =>
        h(
          'li',
          { class: 'card', 'data-session': s.id },
          h('h3', {}, h('a', { href: sessionAddress(slug, s.id) }, s.title)),
          h(
            'p',
            { class: 'meta' },
            [formatDay(s.heldOn), s.online ? w('sessions.online') : (s.place ?? '')]
              .filter(Boolean)
              .join(' · '),
          ),
          h('p', {}, w('sessions.counts', { tables: s.tables, proposals: s.proposals })),
        ),
      ),
    ),
  );
  return section;
}

/**
 * The form for a session's title, date and place: a new one ({@code current} null), or a change. {@code done}
 * saves; its errors are shown next to the form.
 */
export function sessionForm(
  current: SessionInput | null,
  done: (input: SessionInput) => Promise<void>,
): HTMLElement {
  const prefix = current ? 'edit-session' : 'new-session';
  const title = h('input', { type: 'text', id: `${prefix}-title`, maxlength: 200, required: true });
  const date = h('input', { type: 'date', id: `${prefix}-date`, required: true });
  const place = h('input', { type: 'text', id: `${prefix}-place`, maxlength: 200, autocomplete: 'off' });
  const online = h('input', { type: 'checkbox', id: `${prefix}-online` });
  title.value = current?.title ?? '';
  date.value = current?.heldOn ?? '';
  place.value = current?.place ?? '';
  online.checked = current?.online ?? false;
  const status = statusLine(`${prefix}-status`);
  const submit = h(
    'button',
    { type: 'submit', class: 'button primary', id: `${prefix}-save` },
    current ? w('sessions.save') : w('sessions.create'),
  );
  const form = h(
    'form',
    { class: 'card session-form', novalidate: true, 'aria-labelledby': `${prefix}-heading` },
    h('h2', { id: `${prefix}-heading` }, current ? w('sessions.editTitle') : w('sessions.newTitle')),
    field(title, w('sessions.titleLabel'), current ? undefined : w('sessions.titleHint')),
    field(date, w('sessions.dateLabel')),
    checkbox(online, w('sessions.onlineLabel')),
    field(place, w('sessions.placeLabel'), w('sessions.placeHint')),
    status.element,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      [title, date, place].forEach((control) => fieldError(control, null));
      const wrong: [HTMLInputElement, string][] = [];
      if (title.value.trim() === '') wrong.push([title, w('sessions.titleRequired')]);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) wrong.push([date, w('sessions.dateRequired')]);
      if (!online.checked && place.value.trim() === '') wrong.push([place, w('sessions.placeRequired')]);
      if (wrong.length > 0) {
        wrong.forEach(([control, message]) => fieldError(control, message));
        wrong[0][0].focus();
        return;
      }
      submit.disabled = true;
      try {
        await done({
          title: title.value.trim(),
          heldOn: date.value,
          place: place.value.trim() || null,
          online: online.checked,
        });
        status.say(w('sessions.saved'));
      } catch (error) {
        status.fail(problemText(error));
      } finally {
        submit.disabled = false;
      }
    })();
  });
  return form;
}
