// The page where a participant types their table's short code (/t, or /t/K7Q-M3X-HD9 from the address bar):
// the service checks the code and gives the table's page, which opens in its place. Nothing is stored.
import '../form/style.css';
import './style.css';
import { ApiError, send } from '../api';
import { append, h } from '../form/dom';
import { currentLanguage, setLanguage, translator } from '../lang';
import en from '../i18n/tafelcode.en.json';
import nl from '../i18n/tafelcode.nl.json';

const tc = translator<keyof typeof nl>({ nl, en });

/** A code as typed, without what does not count (spaces, dashes, dots), in capitals. */
export function cleaned(typed: string): string {
  return typed.toUpperCase().replace(/[\s.\u2010-\u2015-]+/g, '');
}

/** Why a code did not lead to a table, in words. */
export function refusal(error: unknown): string {
  if (!(error instanceof ApiError)) return tc('server');
  if (error.status === 404) return tc('wrong');
  if (error.status === 410) return tc('ended');
  if (error.status === 422) return tc('shape');
  if (error.status === 429)
    return tc('tooMany', { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
  return error.kind === 'network' ? tc('network') : tc('server');
}

async function resolve(code: string): Promise<string> {
  const response = await send('/api/table-codes', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ code }),
  });
  return ((await response.json()) as { path: string }).path;
}

function render(root: HTMLElement, typed: string, submitNow: boolean): void {
  document.title = tc('pageTitle');
  const input = h('input', {
    type: 'text',
    id: 'table-code',
    name: 'code',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 20,
    'aria-describedby': 'table-code-hint table-code-error',
    class: 'table-code',
  });
  input.value = typed;
  const error = h('p', { class: 'error', id: 'table-code-error', role: 'alert' });
  const go = h('button', { type: 'submit', class: 'button primary' }, tc('go'));
  const form = h(
    'form',
    { class: 'code-form', novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: input.id }, tc('code')),
      h('p', { class: 'hint', id: 'table-code-hint' }, tc('codeHint')),
      input,
    ),
    error,
    h('div', { class: 'actions' }, go),
  );
  const submit = () => {
    const code = cleaned(input.value);
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (code === '') {
      error.textContent = tc('empty');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    go.disabled = true;
    go.textContent = tc('busy');
    resolve(code)
      .then((path) => location.replace(path))
      .catch((e: unknown) => {
        go.disabled = false;
        go.textContent = tc('go');
        error.textContent = refusal(e);
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  const other = currentLanguage() === 'nl' ? 'en' : 'nl';
  const main = h(
    'main',
    { id: 'main', class: 'page' },
    h(
      'header',
      { class: 'top' },
      h('span', { class: 'brand' }, tc('app.name')),
      h(
        'button',
        {
          type: 'button',
          class: 'link lang',
          lang: other,
          'aria-label': tc('lang.switchLabel'),
          onclick: () => {
            setLanguage(other);
            render(root, input.value, false);
          },
        },
        tc('lang.switch'),
      ),
    ),
    h('h1', { tabindex: -1 }, tc('title')),
    h('p', {}, tc('intro')),
    form,
  );
  root.replaceChildren();
  append(root, main);
  if (submitNow) {
    submit();
  } else {
    input.focus();
  }
}

const root = document.getElementById('app');
if (root) {
  setLanguage(new URLSearchParams(location.search).get('lang') ?? 'nl');
  // /t/K7Q-M3X-HD9 typed in the address bar: try that code at once
  const typed = decodeURIComponent(location.pathname.split('/')[2] ?? '');
  render(root, typed, typed !== '');
}
