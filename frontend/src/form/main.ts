// Entry of the vertelpunt page: /v/{slug} is the form, /v/{slug}/verhalen tells what was done with the stories,
// /v/{slug}/intrekken lets a storyteller withdraw their story with its receipt code.
import { ApiError, fetchStoryPoint } from '../api';
import { setLanguage, t } from '../i18n';
import type { PublishedStoryPoint } from '../types';
import { FormApp } from './app';
import { h } from './dom';
import { loadDraft, newDraft } from './draft';

const root = document.getElementById('app') as HTMLElement;
const [, prefix, slug = '', page = ''] = location.pathname.split('/');

function message(title: string, body: string, retry: boolean): void {
  root.replaceChildren(
    h(
      'main',
      { id: 'main' },
      h('h1', { tabindex: -1 }, title),
      h('p', {}, body),
      retry
        ? h(
            'button',
            { type: 'button', class: 'button primary', onclick: () => location.reload() },
            t('app.retry'),
          )
        : null,
    ),
  );
  document.title = title;
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const draft = loadDraft(slug);
  setLanguage(params.get('lang') ?? draft?.language ?? 'nl');
  if (prefix !== 'v' || slug === '') {
    message(t('app.notFound.title'), t('app.notFound.body'), false);
    return;
  }
  let point: PublishedStoryPoint;
  try {
    point = await fetchStoryPoint(slug);
  } catch (error) {
    const notFound = error instanceof ApiError && error.kind === 'not-found';
    message(
      t(notFound ? 'app.notFound.title' : 'app.loadFailed.title'),
      t(notFound ? 'app.notFound.body' : 'app.loadFailed.body'),
      !notFound,
    );
    return;
  }
  if (!(document.documentElement.lang in point.definition.title)) {
    setLanguage('nl');
  }
  if (page === 'verhalen') {
    const { outcomes } = await import('./outcomes');
    await outcomes(root, point);
    return;
  }
  if (page === 'intrekken') {
    const { withdrawal } = await import('./withdraw');
    withdrawal(root, point);
    return;
  }
  new FormApp(root, point, draft ?? newDraft(document.documentElement.lang), draft !== null).start();
}

void start();
