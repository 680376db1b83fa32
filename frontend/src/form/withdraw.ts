// /v/{slug}/intrekken: the storyteller withdraws their story with the receipt code they got when sharing it.
// Loaded only on this page, so the form itself does not carry it. When this tab still keeps the code of the story
// just sent (receipt.ts), the page offers to fill it in; once that story is withdrawn, the tab forgets the code.
import { ApiError, withdrawStory } from '../api';
import { pick, t as formText, translator } from '../i18n';
import en from '../i18n/intrekken.en.json';
import nl from '../i18n/intrekken.nl.json';
import type { PublishedStoryPoint } from '../types';
import { h } from './dom';
import { pageUrl, topBar } from './header';
import { forgetReceipt, pendingReceipt, sameCode } from './receipt';

// this page's own texts, so that the form does not carry them
const own = translator<keyof typeof nl>({ nl, en });
const t = (
  key: keyof typeof nl | 'app.name' | 'about.back' | 'nav.back' | 'nav.next',
  vars: Record<string, string | number> = {},
): string =>
  key.startsWith('withdraw.') ? own(key as keyof typeof nl, vars) : formText(key as 'app.name', vars);

type State =
  | { kind: 'enter'; code: string; error?: string }
  | { kind: 'confirm'; code: string }
  | { kind: 'busy'; code: string }
  | { kind: 'done' };

export function withdrawal(root: HTMLElement, point: PublishedStoryPoint): void {
  const slug = point.slug;
  let state: State = { kind: 'enter', code: '' };

  const render = (moveFocus: boolean) => {
    const main = h('main', { id: 'main' });
    const heading = h(
      'h1',
      { tabindex: -1 },
      state.kind === 'done' ? t('withdraw.doneHeading') : t('withdraw.heading'),
    );
    document.title = `${heading.textContent} – ${pick(point.definition.title)}`;
    main.append(heading);
    switch (state.kind) {
      case 'enter':
        enter(main, state);
        break;
      case 'confirm':
        confirm(main, state.code);
        break;
      case 'busy':
        main.append(h('p', { class: 'status', role: 'status' }, t('withdraw.busy')));
        break;
      case 'done':
        main.append(
          h('p', { class: 'intro', role: 'status' }, t('withdraw.done')),
          h('p', {}, h('a', { class: 'button secondary', href: pageUrl(slug) }, t('about.back'))),
        );
        break;
    }
    root.replaceChildren(
      topBar(point.definition, () => render(false)),
      main,
    );
    if (moveFocus) {
      const target = main.querySelector<HTMLElement>('[aria-invalid="true"]') ?? heading;
      target.focus();
    }
  };

  const enter = (main: HTMLElement, current: { code: string; error?: string }) => {
    const input = h('input', {
      id: 'receipt-input',
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'characters',
      maxlength: 40,
      required: true,
      class: 'code-input',
      'aria-describedby': current.error ? 'receipt-hint receipt-error' : 'receipt-hint',
      'aria-invalid': current.error ? 'true' : null,
    });
    input.value = current.code;
    const form = h(
      'form',
      { class: 'field', novalidate: true },
      h('label', { for: 'receipt-input' }, t('withdraw.codeLabel')),
      h('p', { class: 'hint', id: 'receipt-hint' }, t('withdraw.codeHint')),
      input,
      current.error ? h('p', { class: 'error', id: 'receipt-error', role: 'alert' }, current.error) : null,
      h(
        'div',
        { class: 'nav' },
        h('a', { class: 'button secondary', href: pageUrl(slug) }, t('nav.back')),
        h('button', { type: 'submit', class: 'button primary next' }, t('nav.next')),
      ),
    );
    // the code this tab keeps of the story just sent: one tap fills it in (the next step still asks to be sure)
    const kept = pendingReceipt(slug);
    const offer =
      kept !== null
        ? h(
            'section',
            { class: 'notice', 'aria-labelledby': 'kept-code' },
            h('p', { id: 'kept-code' }, t('withdraw.kept')),
            h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                onclick: () => {
                  state = { kind: 'enter', code: kept };
                  render(false);
                  root.querySelector<HTMLElement>('#receipt-input')?.focus();
                },
              },
              t('withdraw.useKept'),
            ),
          )
        : null;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const code = input.value.trim();
      state =
        code === '' ? { kind: 'enter', code, error: t('withdraw.codeRequired') } : { kind: 'confirm', code };
      render(true);
    });
    main.append(h('p', { class: 'intro' }, t('withdraw.intro')), ...(offer ? [offer] : []), form);
  };

  const confirm = (main: HTMLElement, code: string) => {
    main.append(
      h('p', { class: 'intro' }, t('withdraw.confirm')),
      h('p', {}, t('withdraw.yourCode'), ' ', h('strong', { class: 'receipt-code' }, code)),
      h(
        'div',
        { class: 'nav' },
        h(
          'button',
          {
            type: 'button',
            class: 'button secondary',
            onclick: () => {
              state = { kind: 'enter', code };
              render(true);
            },
          },
          t('withdraw.no'),
        ),
        h(
          'button',
          { type: 'button', class: 'button primary next', onclick: () => void send(code) },
          t('withdraw.yes'),
        ),
      ),
    );
  };

  const send = async (code: string) => {
    state = { kind: 'busy', code };
    render(false);
    try {
      await withdrawStory(slug, code);
      const kept = pendingReceipt(slug);
      if (kept !== null && sameCode(kept, code)) {
        // the story is gone, and its code with it
        forgetReceipt(slug);
      }
      state = { kind: 'done' };
    } catch (error) {
      state = { kind: 'enter', code, error: reason(error) };
    }
    render(true);
  };

  render(false);
}

function reason(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return t('withdraw.failed');
  }
  if (error.status === 429) {
    const seconds = error.retryAfter ?? 600;
    return seconds <= 60
      ? t('withdraw.tooManySoon')
      : t('withdraw.tooMany', { minutes: Math.ceil(seconds / 60) });
  }
  if (error.status === 422) {
    return t('withdraw.wrongCode');
  }
  return error.kind === 'network' ? t('withdraw.network') : t('withdraw.failed');
}
