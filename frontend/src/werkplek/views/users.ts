// Staff accounts (admins): the list, a new account with roles and story points, and per account a change
// of roles, story points, or whether it may sign in.
import { pick } from '../../i18n';
import { append, h, uid } from '../../form/dom';
import { problemText, type Ctx } from '../app';
import * as api from '../client';
import { formatDate } from '../labels';
import type { StoryPointVersion, User } from '../model';
import { w, type WKey } from '../texts';

const ROLES = ['admin', 'analyst', 'facilitator'];

export async function usersView(ctx: Ctx): Promise<void> {
  ctx.title(w('users.title'));
  if (!ctx.session.roles.includes('admin')) {
    append(ctx.main, h('h1', { tabindex: -1 }, w('users.title')), h('p', {}, w('error.forbidden')));
    return;
  }
  let list = await api.users();
  if (!ctx.alive()) return;
  const status = h('p', { class: 'status-line', role: 'status', tabindex: -1, id: 'users-status' });
  const tableArea = h('div', {});
  const say = (text: string, error = false) => {
    status.textContent = text;
    status.classList.toggle('error', error);
  };
  const drawTable = () =>
    tableArea.replaceChildren(
      usersTable(ctx.points, list, async (name, input) => {
        try {
          const updated = await api.updateUser(name, input);
          list = list.map((u) => (u.username === name ? updated : u));
          drawTable();
          say(w('users.saved', { name }));
          status.focus();
          return true;
        } catch (error) {
          say(problemText(error), true);
          status.focus();
          return false;
        }
      }),
    );
  drawTable();
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('users.title')),
    status,
    tableArea,
    createForm(ctx.points, (created) => {
      list = [...list, created].sort((a, b) => a.username.localeCompare(b.username));
      drawTable();
      say(w('users.created', { name: created.username }));
      status.focus();
    }),
  );
}

function checks(
  name: string,
  values: [string, string][],
  chosen: string[],
  legend: string,
): HTMLFieldSetElement {
  return h(
    'fieldset',
    { class: 'filter-group' },
    h('legend', {}, legend),
    ...values.map(([value, label]) => {
      const id = uid(name);
      return h(
        'div',
        { class: 'check' },
        h('input', { type: 'checkbox', id, name, value, checked: chosen.includes(value) }),
        h('label', { for: id }, label),
      );
    }),
  );
}

const chosen = (form: HTMLElement, name: string) =>
  [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value);

function roleOptions(): [string, string][] {
  return ROLES.map((r) => [r, w(`role.${r}` as WKey)]);
}

function pointOptions(points: StoryPointVersion[]): [string, string][] {
  return points.map((p) => [p.slug, `${pick(p.definition.title)} (${p.slug})`]);
}

function usersTable(
  points: StoryPointVersion[],
  list: User[],
  save: (name: string, input: api.UserInput) => Promise<boolean>,
): HTMLElement {
  const rows = list.map((u) => {
    const edit = h(
      'button',
      {
        type: 'button',
        class: 'button small secondary',
        'aria-expanded': 'false',
        'aria-label': w('users.editLabel', { name: u.username }),
      },
      w('users.edit'),
    );
    const editor = h('tr', { class: 'editor', hidden: true });
    edit.addEventListener('click', () => {
      const open = editor.hidden;
      editor.hidden = !open;
      edit.setAttribute('aria-expanded', String(open));
      if (open) {
        const form = h(
          'form',
          { class: 'user-edit', novalidate: true, 'aria-label': w('users.editLabel', { name: u.username }) },
          checks(`roles-${u.username}`, roleOptions(), u.roles, w('users.roles')),
          checks(`points-${u.username}`, pointOptions(points), u.storyPoints, w('users.storyPoints')),
          h(
            'div',
            { class: 'check' },
            h('input', { type: 'checkbox', id: `enabled-${u.username}`, checked: u.enabled }),
            h('label', { for: `enabled-${u.username}` }, w('users.enabled')),
          ),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'submit', class: 'button primary' }, w('users.save')),
            h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                onclick: () => {
                  editor.hidden = true;
                  edit.setAttribute('aria-expanded', 'false');
                  edit.focus();
                },
              },
              w('users.cancel'),
            ),
          ),
        );
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          void save(u.username, {
            roles: chosen(form, `roles-${u.username}`),
            storyPoints: chosen(form, `points-${u.username}`),
            enabled: (
              form.querySelector<HTMLInputElement>(`#enabled-${CSS.escape(u.username)}`) as HTMLInputElement
            ).checked,
          });
        });
        editor.replaceChildren(h('td', { colspan: 6 }, form));
        form.querySelector<HTMLInputElement>('input')?.focus();
      }
    });
    return [
      h(
        'tr',
        { 'data-user': u.username },
        h('th', { scope: 'row' }, u.username),
        h('td', {}, u.roles.map((r) => w(`role.${r}` as WKey)).join(', ')),
        h('td', {}, u.roles.includes('admin') ? w('users.allPoints') : u.storyPoints.join(', ') || '–'),
        h('td', {}, u.enabled ? w('users.active') : w('users.disabled')),
        h('td', {}, formatDate(u.createdAt)),
        h('td', {}, edit),
      ),
      editor,
    ];
  });
  return h(
    'section',
    { 'aria-labelledby': 'users-heading' },
    h('h2', { id: 'users-heading' }, w('users.list')),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'users-heading' },
      h(
        'table',
        { class: 'data' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, w('users.username')),
            h('th', { scope: 'col' }, w('users.roles')),
            h('th', { scope: 'col' }, w('users.storyPoints')),
            h('th', { scope: 'col' }, w('users.state')),
            h('th', { scope: 'col' }, w('users.since')),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, w('users.actions'))),
          ),
        ),
        h('tbody', {}, ...rows.flat()),
      ),
    ),
  );
}

function createForm(points: StoryPointVersion[], created: (user: User) => void): HTMLElement {
  const username = h('input', {
    type: 'text',
    id: 'new-username',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'none',
    'aria-describedby': 'new-username-hint',
  });
  const password = h('input', {
    type: 'password',
    id: 'new-password',
    autocomplete: 'new-password',
    'aria-describedby': 'new-password-hint',
  });
  const error = h('p', { class: 'error', role: 'alert', id: 'create-error' });
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'create-heading' },
    h('h2', { id: 'create-heading' }, w('users.create')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'new-username' }, w('users.username')),
      h('p', { class: 'hint', id: 'new-username-hint' }, w('users.usernameHint')),
      username,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'new-password' }, w('users.password')),
      h('p', { class: 'hint', id: 'new-password-hint' }, w('users.passwordHint')),
      password,
    ),
    checks('new-roles', roleOptions(), ['analyst'], w('users.roles')),
    checks('new-points', pointOptions(points), [], w('users.storyPoints')),
    error,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button primary', id: 'create-user' }, w('users.createButton')),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      error.textContent = '';
      try {
        const user = await api.createUser({
          username: username.value.trim(),
          password: password.value,
          roles: chosen(form, 'new-roles'),
          storyPoints: chosen(form, 'new-points'),
        });
        username.value = '';
        password.value = '';
        created(user);
      } catch (e) {
        error.textContent = problemText(e);
        username.focus();
      }
    })();
  });
  return form;
}
