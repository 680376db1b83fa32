// Entry of the facilitators' page for stories taken in person: /werkplek/{slug}/verteltafel (the verteltafel,
// which works offline through its service worker) and /werkplek/{slug}/papier (typing in paper forms).
import '../form/style.css';
import './style.css';
import { ApiError, send } from '../api';
import { setLanguage, t } from '../i18n';
import { h } from '../form/dom';
import type { PublishedStoryPoint } from '../types';
import { PaperApp } from './paper';
import { TableApp } from './table';

/** Set by the service worker on the story point it answered from its cache (no connection). */
const OFFLINE_COPY = 'X-Vertelpunt-Offline-Copy';

const root = document.getElementById('app') as HTMLElement;
const [, , slug = '', mode = ''] = location.pathname.split('/');

function message(title: string, body: string): void {
  root.replaceChildren(h('main', { id: 'main' }, h('h1', { tabindex: -1 }, title), h('p', {}, body),
    h('button', { type: 'button', class: 'button primary', onclick: () => location.reload() }, t('app.retry'))));
  document.title = title;
}

async function start(): Promise<void> {
  setLanguage(new URLSearchParams(location.search).get('lang') ?? 'nl');
  if (mode === 'verteltafel' && 'serviceWorker' in navigator) {
    // the worker keeps this page, its scripts and the story point for use without a connection
    navigator.serviceWorker.register('/verteltafel-sw.js', { scope: location.pathname.replace(/\/$/, '') }).catch(() => undefined);
  }
  let point: PublishedStoryPoint;
  let offlineCopy = false;
  try {
    const response = await send(`/api/storypoints/${encodeURIComponent(slug)}`, { method: 'GET' });
    offlineCopy = response.headers.get(OFFLINE_COPY) === '1';
    point = (await response.json()) as PublishedStoryPoint;
  } catch (error) {
    const notFound = error instanceof ApiError && error.kind === 'not-found';
    message(t(notFound ? 'app.notFound.title' : 'app.loadFailed.title'), t(notFound ? 'app.notFound.body' : 'app.loadFailed.body'));
    return;
  }
  if (!(document.documentElement.lang in point.definition.title)) {
    setLanguage('nl');
  }
  if (mode === 'papier') {
    await new PaperApp(root, point).start();
  } else {
    await new TableApp(root, point, offlineCopy).start();
  }
}

void start();
