// The receipt code of a story just sent, and the box that shows it. The code is the only way to withdraw the
// story, so it must not be lost on the way (a tap on "Zo trek je je verhaal in" and Back, a reload): this tab
// keeps it in sessionStorage, for this story point only, until the storyteller says they have saved it. Never
// in localStorage, never in a cookie, never sent anywhere; sessionStorage belongs to this tab and is gone when
// the tab is closed.
import { pick, t } from '../i18n';
import type { Definition } from '../types';
import { h, reserved } from './dom';
import { pageUrl } from './header';

const key = (slug: string) => `vertelpunt:receipt:${slug}`;

/** Keeps the code in this tab until {@link forgetReceipt}. */
export function keepReceipt(slug: string, code: string): void {
  try {
    sessionStorage.setItem(key(slug), code);
  } catch {
    // storage disabled: the code is still on the screen, with the ways to save it
  }
}

/** The code this tab keeps for the story point, if any. */
export function pendingReceipt(slug: string): string | null {
  try {
    return sessionStorage.getItem(key(slug));
  } catch {
    return null;
  }
}

export function forgetReceipt(slug: string): void {
  try {
    sessionStorage.removeItem(key(slug));
  } catch {
    // nothing kept
  }
}

/** Whether two codes are the same, as the service reads them (capitals and dashes do not matter). */
export function sameCode(a: string, b: string): boolean {
  const plain = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return plain(a) === plain(b);
}

/**
 * The code with the ways to save it (copy, a small text file, print) and the button to say it is saved, which
 * forgets it here. {@code heading} names the box: the thank-you page's own code, or on the welcome page the code
 * of the story sent before that is not yet saved.
 */
export function receiptBox(definition: Definition, code: string, heading: string): HTMLElement {
  const slug = definition.slug;
  const withdrawUrl = `${location.origin}${pageUrl(slug, 'intrekken')}`;
  const codeText = h('p', { class: 'receipt-code', id: 'receipt-code' }, code);
  const status = h('p', { class: 'status', role: 'status' });
  const say = (text: string) => {
    status.textContent = text;
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      say(t('receipt.copied'));
    } catch {
      // no clipboard here (an old browser, a page not served over https): select it for copying by hand
      const range = document.createRange();
      range.selectNodeContents(codeText);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      say(t('receipt.copyFailed'));
    }
  };
  const fileName = t('receipt.fileName');
  const savedFile = t('receipt.savedFile', { file: fileName });
  // a data: address, not a blob: one that would have to be let go of: the file is a few lines
  const file = `data:text/plain;charset=utf-8,${encodeURIComponent(
    t('receipt.file', { title: pick(definition.title), code, url: withdrawUrl }),
  )}`;
  const box = h(
    'section',
    { class: 'notice receipt', 'aria-labelledby': 'receipt-heading' },
    h('h2', { id: 'receipt-heading' }, heading),
    codeText,
    h('p', {}, t('receipt.keep')),
    h(
      'div',
      { class: 'actions receipt-actions' },
      h(
        'button',
        { type: 'button', class: 'button secondary', onclick: () => void copy() },
        t('receipt.copy'),
      ),
      h(
        'a',
        {
          class: 'button secondary',
          href: file,
          download: fileName,
          onclick: () => say(savedFile),
        },
        t('receipt.save'),
      ),
      h(
        'button',
        { type: 'button', class: 'button secondary', onclick: () => window.print() },
        t('receipt.print'),
      ),
    ),
    reserved(
      [status],
      [
        [status, t('receipt.copied')],
        [status, t('receipt.copyFailed')],
        [status, savedFile],
      ],
    ),
    h('p', { class: 'print-only' }, t('receipt.printNote', { url: withdrawUrl })),
    h('p', { class: 'hint' }, t('receipt.tab')),
    h('p', {}, h('a', { href: pageUrl(slug, 'intrekken') }, t('receipt.howTo'))),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button primary receipt-saved',
          onclick: () => {
            forgetReceipt(slug);
            const done = h('p', { tabindex: -1, class: 'receipt-forgotten' }, t('receipt.forgotten'));
            box.replaceChildren(
              h('h2', { id: 'receipt-heading' }, heading),
              done,
              h('p', {}, h('a', { href: pageUrl(slug, 'intrekken') }, t('receipt.howTo'))),
            );
            done.focus();
          },
        },
        t('receipt.saved'),
      ),
    ),
  );
  return box;
}
