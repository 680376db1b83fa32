// Calls of the verteltafel and paper pages: the workspace's session (cookie, with the CSRF token on every
// change) and stories sent with their channel. A 401 never shows the browser's password dialog.
import { send } from '../api';
import type { Answer, Receipt } from '../types';

export interface Session {
  username: string;
  roles: string[];
  storyPoints: string[];
  csrfToken: string;
}

/** A story taken in person, as it is queued and sent. */
export interface InPersonStory {
  submissionId: string;
  channel: 'verteltafel' | 'papier';
  role: string;
  language: string;
  title?: string;
  text: string;
  answers: Record<string, Answer>;
  gathering?: string;
  toldOn: string;
}

let csrf = '';

async function call(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'X-Requested-With': 'vertelpunt', Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrf !== '') {
    headers['X-CSRF-Token'] = csrf;
  }
  return send(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function currentSession(): Promise<Session> {
  const session = (await (await call('GET', '/api/session')).json()) as Session;
  csrf = session.csrfToken;
  return session;
}

export async function signIn(username: string, password: string): Promise<Session> {
  const session = (await (await call('POST', '/api/session', { username, password })).json()) as Session;
  csrf = session.csrfToken;
  return session;
}

/** Whether this account may take stories for the story point: its facilitator, or an admin. */
export function mayTakeStories(session: Session, slug: string): boolean {
  return (
    session.roles.includes('admin') ||
    (session.roles.includes('facilitator') && session.storyPoints.includes(slug))
  );
}

/** Sends a story taken in person; 201 the first time, 200 with the same story when sent again. */
export async function sendStory(slug: string, story: InPersonStory): Promise<Receipt> {
  const response = await call('POST', `/api/storypoints/${encodeURIComponent(slug)}/stories`, story);
  return (await response.json()) as Receipt;
}

/**
 * Today in the Netherlands (YYYY-MM-DD), the calendar the service checks dates against ("not in the future,
 * not before the story point existed"). On a Dutch device this is its own date; a device on another clock
 * (a laptop left on UTC) would otherwise send yesterday's date just after midnight.
 */
export function today(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
