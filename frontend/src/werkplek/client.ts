// Calls of the workspace to the staff API: with the session cookie, the CSRF token on every change, and
// X-Requested-With so that a 401 carries no Basic challenge (the browser shows no password dialog).
import { ApiError, send } from '../api';
import type { ProposalInput, ProposalView, Status } from '../session/types';
import type {
  CardEdit,
  CardSummary,
  CardView,
  ComparisonRequest,
  ComparisonRun,
  Dashboard,
  EvaluationRequest,
  ModuleView,
  FigureSet,
  Figures,
  Keywords,
  KeywordRequest,
  Monitor,
  MonitorRequest,
  ModerationState,
  ProposalEdit,
  Revision,
  Run,
  Schedule,
  ScheduleInput,
  Session,
  SessionInput,
  SessionSummary,
  SessionView,
  Story,
  StoryFilter,
  StoryPage,
  StoryPointVersion,
  Suggestion,
  TableLink,
  TablePlan,
  TrendRequest,
  User,
} from './model';

let csrf = '';
let onUnauthorized: () => void = () => undefined;

/** What to do when the session has ended (401): the app goes back to the sign-in screen. */
export function whenSignedOut(handler: () => void): void {
  onUnauthorized = handler;
}

async function call<T>(method: string, path: string, body?: unknown, type = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { 'X-Requested-With': 'vertelpunt', Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = type;
  }
  if (method !== 'GET' && csrf !== '') {
    headers['X-CSRF-Token'] = csrf;
  }
  try {
    const response = await send(path, {
      method,
      headers,
      credentials: 'same-origin',
      body:
        body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : (body as Blob),
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
export const dashboard = (slug: string, filter: StoryFilter) =>
  call<Dashboard>('POST', `${sp(slug)}/dashboard`, { filter });

/** The words that set a focus group of stories apart from a reference group. */
export const keywords = (slug: string, request: KeywordRequest) =>
  call<Keywords>('POST', `${sp(slug)}/keywords`, request);
export const monitor = (slug: string, request: MonitorRequest) =>
  call<Monitor>('POST', `${sp(slug)}/monitor`, request);
/** A question module's indicators across the story points that include it. */
export const moduleMonitor = (id: string, request: MonitorRequest) =>
  call<Monitor>('POST', `/api/modules/${encodeURIComponent(id)}/monitor`, request);

export interface SearchRequest {
  q?: string;
  filter: StoryFilter;
  flagged?: boolean;
  hidden?: boolean;
  complete?: boolean;
  page: number;
  size: number;
}

export const searchStories = (slug: string, search: SearchRequest) =>
  call<StoryPage>('POST', `${sp(slug)}/stories/search`, search);
export const story = (slug: string, id: string) =>
  call<Story>('GET', `${sp(slug)}/stories/${encodeURIComponent(id)}`);

const moderation = (slug: string, id: string) => `${sp(slug)}/moderation/stories/${encodeURIComponent(id)}`;
export const redact = (slug: string, id: string, field: 'title' | 'text', start: number, end: number) =>
  call<ModerationState>('POST', `${moderation(slug, id)}/redactions`, { field, start, end });
export const dismissFlag = (slug: string, id: string, flag: number) =>
  call<ModerationState>('POST', `${moderation(slug, id)}/flags/${flag}/dismissal`);
export const setHidden = (slug: string, id: string, hidden: boolean) =>
  call<ModerationState>('PUT', `${moderation(slug, id)}/visibility`, { hidden });

export const startEvaluation = (request: EvaluationRequest) => call<Run>('POST', '/api/evaluations', request);
export const questionModule = (id: string) =>
  call<ModuleView>('GET', `/api/modules/${encodeURIComponent(id)}`);
export const evaluation = (id: string) => call<Run>('GET', `/api/evaluations/${encodeURIComponent(id)}`);
export const evaluations = (slug: string) => call<Run[]>('GET', `${sp(slug)}/evaluations`);
export const schedules = (slug: string) => call<Schedule[]>('GET', `${sp(slug)}/schedules`);
export const createSchedule = (slug: string, input: ScheduleInput) =>
  call<Schedule>('POST', `${sp(slug)}/schedules`, input);
export const deleteSchedule = (slug: string, id: string) =>
  call<void>('DELETE', `${sp(slug)}/schedules/${encodeURIComponent(id)}`);
export const startComparison = (request: ComparisonRequest) =>
  call<ComparisonRun>('POST', '/api/comparisons', request);
export const comparison = (id: string) =>
  call<ComparisonRun>('GET', `/api/comparisons/${encodeURIComponent(id)}`);
export const comparisons = (slug: string) => call<ComparisonRun[]>('GET', `${sp(slug)}/comparisons`);
export const select = (id: string, pattern: string) =>
  call<Run>('POST', `/api/evaluations/${encodeURIComponent(id)}/selections`, { pattern });
export const unselect = (id: string, pattern: string) =>
  call<Run>(
    'DELETE',
    `/api/evaluations/${encodeURIComponent(id)}/selections?pattern=${encodeURIComponent(pattern)}`,
  );

export const users = () => call<User[]>('GET', '/api/users');
export interface UserInput {
  username?: string;
  password?: string;
  roles?: string[];
  storyPoints?: string[];
  enabled?: boolean;
}
export const createUser = (input: UserInput) => call<User>('POST', '/api/users', input);
export const updateUser = (username: string, input: UserInput) =>
  call<User>('PUT', `/api/users/${encodeURIComponent(username)}`, input);

/** The address of a filtered export (CSV or Excel); the browser downloads it with the session cookie. */
export function exportUrl(slug: string, format: 'csv' | 'xlsx', filter: StoryFilter): string {
  return `${sp(slug)}/stories.${format}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

// observation cards
const card = (id: string) => `/api/cards/${encodeURIComponent(id)}`;
/** A card of a pattern; of a module-wide evaluation, at the story point given (the one the workspace is on). */
export const createCard = (runId: string, pattern: string, storyPoint?: string) =>
  call<CardView>('POST', '/api/cards', { runId, pattern, storyPoint });
export const cardOf = (id: string) => call<CardView>('GET', card(id));
export const saveCard = (id: string, edit: CardEdit) => call<CardView>('PUT', card(id), edit);
/** Puts a trend on the card: a snapshot of the monitoring result now, as the card's next version. */
export const putTrend = (id: string, request: TrendRequest) =>
  call<CardView>('PUT', `${card(id)}/trend`, request);
export const removeTrend = (id: string, version: number) =>
  call<CardView>('DELETE', `${card(id)}/trend?version=${version}`);
export const cards = (slug: string) => call<CardSummary[]>('GET', `${sp(slug)}/cards`);
export const suggestions = (id: string, count = 8) =>
  call<Suggestion[]>('GET', `${card(id)}/suggestions?count=${count}`);
export const revisions = (id: string) => call<Revision[]>('GET', `${card(id)}/revisions`);

/** The address of a card's chart (SVG), for an <img>. */
export const cardChartUrl = (id: string) => `${card(id)}/chart.svg`;

/** The address of a deck of cards (all of the story point when none are given). */
export function deckUrl(slug: string, format: 'pdf' | 'html', ids: string[]): string {
  const query = ids.map((id) => `card=${encodeURIComponent(id)}`).join('&');
  return `${sp(slug)}/cards/deck.${format}${query ? `?${query}` : ''}`;
}

// sense-making sessions
const session = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;
const table = (id: string, tableId: string) => `${session(id)}/tables/${encodeURIComponent(tableId)}`;
export const sessions = (slug: string) => call<SessionSummary[]>('GET', `${sp(slug)}/sessions`);
export const createSession = (input: SessionInput) => call<SessionView>('POST', '/api/sessions', input);
export const sessionOf = (id: string) => call<SessionView>('GET', session(id));
export const updateSession = (id: string, input: SessionInput) =>
  call<SessionView>('PUT', session(id), input);
export const addTable = (id: string, plan: TablePlan) =>
  call<SessionView>('POST', `${session(id)}/tables`, plan);
export const updateTable = (id: string, tableId: string, plan: TablePlan) =>
  call<SessionView>('PUT', table(id, tableId), plan);
export const deleteTable = (id: string, tableId: string) => call<SessionView>('DELETE', table(id, tableId));
export const createLink = (id: string, tableId: string, days: number) =>
  call<TableLink>('POST', `${table(id, tableId)}/link`, { days });
export const revokeLink = (id: string, tableId: string) =>
  call<SessionView>('DELETE', `${table(id, tableId)}/link`);
export const tableDeckUrl = (id: string, tableId: string) => `${table(id, tableId)}/deck.pdf`;
export const addProposal = (id: string, tableId: string | null, input: ProposalInput) =>
  call<ProposalView>(
    'POST',
    `${session(id)}/proposals${tableId ? `?table=${encodeURIComponent(tableId)}` : ''}`,
    input,
  );
export const editProposal = (id: string, edit: ProposalEdit) =>
  call<ProposalView>('PUT', `/api/proposals/${encodeURIComponent(id)}`, edit);
export const addUpdate = (id: string, status: Status, note: string) =>
  call<ProposalView>('POST', `/api/proposals/${encodeURIComponent(id)}/updates`, { status, note });

// context figures (cijfers naast de verhalen)
const figureSet = (slug: string, set: string) => `${sp(slug)}/figures?set=${encodeURIComponent(set)}`;
export const figures = (slug: string) => call<Figures>('GET', `${sp(slug)}/figures`);
/** Uploads a CSV file as the set {@code set}, replacing a set of that name. */
export const uploadFigures = (slug: string, set: string, file: Blob) =>
  call<FigureSet>('PUT', figureSet(slug, set), file, 'text/csv');
export const deleteFigureSet = (slug: string, set: string) => call<void>('DELETE', figureSet(slug, set));
