// Sign in with user name and password; errors in plain words (wrong password, too many attempts).
import { ApiError } from '../../api';
import { append, h } from '../../form/dom';
import { BASE, type Ctx } from '../app';
import * as api from '../client';
import { w } from '../texts';

export function loginView(ctx: Ctx): void {
  ctx.title(w('login.title'));
  const next = ctx.query.get('next') ?? BASE;
  const expired = ctx.query.get('expired') === '1';
  const username = h('input', {
    id: 'username',
    name: 'username',
    type: 'text',
    autocomplete: 'username',
    required: true,
    spellcheck: 'false',
    autocapitalize: 'none',
  });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { class: 'error', id: 'login-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, w('login.submit'));
  const form = h(
    'form',
    { class: 'card narrow', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'username' }, w('login.username')), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, w('login.password')), password),
    error,
    h('div', { class: 'actions' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn();
  });
  const signIn = async () => {
    error.textContent = '';
    username.removeAttribute('aria-invalid');
    password.removeAttribute('aria-invalid');
    if (username.value.trim() === '' || password.value === '') {
      error.textContent = w('login.missing');
      (username.value.trim() === '' ? username : password).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = w('login.busy');
    try {
      const session = await api.signIn(username.value.trim(), password.value);
      await ctx.signedIn(session, next);
    } catch (e) {
      submit.disabled = false;
      submit.textContent = w('login.submit');
      error.textContent = reason(e);
      password.value = '';
      password.setAttribute('aria-invalid', 'true');
      password.setAttribute('aria-describedby', 'login-error');
      password.focus();
    }
  };
  append(
    ctx.main,
    h('h1', { tabindex: -1 }, w('login.title')),
    expired ? h('p', { class: 'notice-line', role: 'status' }, w('login.expired')) : null,
    h('p', { class: 'intro' }, w('login.intro')),
    form,
  );
}

function reason(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 422) {
      return w('login.wrong');
    }
    if (error.status === 429) {
      const seconds = error.retryAfter ?? 600;
      return seconds >= 90
        ? w('login.tooManyMinutes', { minutes: Math.ceil(seconds / 60) })
        : w('login.tooManySeconds', { seconds });
    }
    if (error.kind === 'network') {
      return w('error.network');
    }
  }
  return w('error.server');
}
