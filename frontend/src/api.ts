// Every call to the Vertelpunt API from the public pages. No cookies, no third parties.
import type { Problem, PublishedStoryPoint, Receipt, Submission } from './types';

/**
 * Why a request failed: no connection, the server failed, or it refused the input (with its problem).
 * {@code status} is the HTTP status (0 without an answer); {@code retryAfter} the seconds from
 * Retry-After, when the server asked to wait (429).
 */
export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'server' | 'invalid' | 'not-found',
    readonly problem?: Problem,
    readonly status = 0,
    readonly retryAfter: number | null = null,
  ) {
    super(problem?.detail ?? kind);
  }
}

/** Sends a request; resolves with an OK answer, rejects with an ApiError otherwise. */
export async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'omit', cache: 'no-store', ...init });
  } catch {
    throw new ApiError('network');
  }
  if (response.ok) {
    return response;
  }
  let problem: Problem | undefined;
  try {
    problem = (await response.json()) as Problem;
  } catch {
    problem = undefined;
  }
  const status = response.status;
  const wait = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  const retryAfter = Number.isFinite(wait) ? wait : null;
  if (status === 404) {
    throw new ApiError('not-found', problem, status);
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
    throw new ApiError('invalid', problem, status);
  }
  throw new ApiError('server', problem, status, retryAfter);
}

export async function fetchStoryPoint(slug: string): Promise<PublishedStoryPoint> {
  const response = await send(`/api/storypoints/${encodeURIComponent(slug)}`, { method: 'GET' });
  return (await response.json()) as PublishedStoryPoint;
}

/** Sends a story; the same submissionId may be sent again safely (the first story is answered). */
export async function submitStory(slug: string, submission: Submission): Promise<Receipt> {
  const response = await send(`/api/storypoints/${encodeURIComponent(slug)}/stories`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(submission),
  });
  return (await response.json()) as Receipt;
}

/** Withdraws a story with its receipt code: it is deleted for good. */
export async function withdrawStory(slug: string, receiptCode: string): Promise<void> {
  await send(`/api/storypoints/${encodeURIComponent(slug)}/withdrawals`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ receiptCode }),
  });
}
