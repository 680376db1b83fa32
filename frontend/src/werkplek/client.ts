// Calls of the workspace to the staff API: with the session cookie, the CSRF token on every change, and
// X-Requested-With so that a 401 carries no Basic challenge (the browser shows no password dialog).
import { ApiError, send } from '../api';
import type { Dashboard, EvaluationRequest, ModerationState, Run, Session, Story, StoryFilter, StoryPage, StoryPointVersion, User } from './model';

let csrf = '';
let onUnauthorized: () => void = () => undefined;

/** What to do when the session has ended (401): the app goes back to the sign-in screen. */
export function whenSignedOut(handler: () => void): void {
  onUnauthorized = handler;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'X-Requested-With': 'vertelpunt', Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrf !== '') {
    headers['X-CSRF-Token'] = csrf;
  }
  try {
    const response = await send(path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && path !== '/api/session') {
      csrf = '';
      onUnauthorized();
    }
    throw error;
  }
}

const sp = (slug: string) => `/api/storypoints/${encodeURIComponent(slug)}`;

export async function signIn(username: string, password: string): Promise<Session> {
  const session = await call<Session>('POST', '/api/session', { username, password });
  csrf = session.csrfToken;
  return session;
}

export async function currentSession(): Promise<Session> {
  const session = await call<Session>('GET', '/api/session');
  csrf = session.csrfToken;
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await call<void>('DELETE', '/api/session');
  } finally {
    csrf = '';
  }
}

export const storyPoints = () => call<StoryPointVersion[]>('GET', '/api/storypoints');
export const dashboard = (slug: string, filter: StoryFilter) => call<Dashboard>('POST', `${sp(slug)}/dashboard`, { filter });

export interface SearchRequest {
  q?: string;
  filter: StoryFilter;
  flagged?: boolean;
  hidden?: boolean;
  complete?: boolean;
  page: number;
  size: number;
}

export const searchStories = (slug: string, search: SearchRequest) => call<StoryPage>('POST', `${sp(slug)}/stories/search`, search);
export const story = (slug: string, id: string) => call<Story>('GET', `${sp(slug)}/stories/${encodeURIComponent(id)}`);

const moderation = (slug: string, id: string) => `${sp(slug)}/moderation/stories/${encodeURIComponent(id)}`;
export const redact = (slug: string, id: string, field: 'title' | 'text', start: number, end: number) =>
  call<ModerationState>('POST', `${moderation(slug, id)}/redactions`, { field, start, end });
export const dismissFlag = (slug: string, id: string, flag: number) =>
  call<ModerationState>('POST', `${moderation(slug, id)}/flags/${flag}/dismissal`);
export const setHidden = (slug: string, id: string, hidden: boolean) =>
  call<ModerationState>('PUT', `${moderation(slug, id)}/visibility`, { hidden });

export const startEvaluation = (request: EvaluationRequest) => call<Run>('POST', '/api/evaluations', request);
export const evaluation = (id: string) => call<Run>('GET', `/api/evaluations/${encodeURIComponent(id)}`);
export const evaluations = (slug: string) => call<Run[]>('GET', `${sp(slug)}/evaluations`);
export const select = (id: string, pattern: string) =>
  call<Run>('POST', `/api/evaluations/${encodeURIComponent(id)}/selections`, { pattern });
export const unselect = (id: string, pattern: string) =>
  call<Run>('DELETE', `/api/evaluations/${encodeURIComponent(id)}/selections?pattern=${encodeURIComponent(pattern)}`);

export const users = () => call<User[]>('GET', '/api/users');
export interface UserInput {
  username?: string;
  password?: string;
  roles?: string[];
  storyPoints?: string[];
  enabled?: boolean;
}
export const createUser = (input: UserInput) => call<User>('POST', '/api/users', input);
export const updateUser = (username: string, input: UserInput) => call<User>('PUT', `/api/users/${encodeURIComponent(username)}`, input);

/** The address of a filtered export (CSV or Excel); the browser downloads it with the session cookie. */
export function exportUrl(slug: string, format: 'csv' | 'xlsx', filter: StoryFilter): string {
  return `${sp(slug)}/stories.${format}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}
