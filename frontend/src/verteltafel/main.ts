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
  root.replaceChildren(
    h(
      'main',
      { id: 'main' },
      h('h1', { tabindex: -1 }, title),
      h('p', {}, body),
      h(
        'button',
        { type: 'button', class: 'button primary', onclick: () => location.reload() },
        t('app.retry'),
      ),
    ),
  );
  document.title = title;
}

/** Waits until a new worker is active, or gave up (its install failed, e.g. the connection dropped meanwhile). */
function settled(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (worker.state === 'activated' || worker.state === 'redundant') {
        resolve();
      }
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/**
 * Registers the service worker that keeps this page for use without a connection. When its install fails
 * (say the venue's Wi-Fi dropped while it stored the page) it tries again a little later and whenever the
 * connection returns, so the table does not stay without its offline copy until someone reloads.
 */
async function keepForOffline(scope: string, attempt = 0): Promise<void> {
  try {
    const registration = await navigator.serviceWorker.register('/verteltafel-sw.js', { scope });
    const pending = registration.installing ?? registration.waiting;
    if (pending !== null) {
      await settled(pending);
    }
    if (registration.active !== null) {
      // an active worker takes pages over when it starts (clients.claim); a page that came in between (loaded while
      // the worker was still being installed) asks it to take this page over too
      if (navigator.serviceWorker.controller === null) {
        registration.active.postMessage('claim');
      }
      return;
    }
  } catch {
    // no worker this time; tried again below
  }
  if (attempt < 5) {
    const again = (): void => {
      clearTimeout(timer);
      removeEventListener('online', again);
      void keepForOffline(scope, attempt + 1);
    };
    const timer = setTimeout(again, 5_000 * 2 ** attempt);
    addEventListener('online', again);
  }
}

async function start(): Promise<void> {
  setLanguage(new URLSearchParams(location.search).get('lang') ?? 'nl');
  if (mode === 'verteltafel' && 'serviceWorker' in navigator) {
    // the worker keeps this page, its scripts and the story point for use without a connection
    void keepForOffline(location.pathname.replace(/\/$/, ''));
  }
  let point: PublishedStoryPoint;
  let offlineCopy = false;
  try {
    const response = await send(`/api/storypoints/${encodeURIComponent(slug)}`, { method: 'GET' });
    offlineCopy = response.headers.get(OFFLINE_COPY) === '1';
    point = (await response.json()) as PublishedStoryPoint;
  } catch (error) {
    const notFound = error instanceof ApiError && error.kind === 'not-found';
    message(
      t(notFound ? 'app.notFound.title' : 'app.loadFailed.title'),
      t(notFound ? 'app.notFound.body' : 'app.loadFailed.body'),
    );
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
