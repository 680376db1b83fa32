// Every call to the Vertelpunt API from the browser. No cookies, no third parties.
import type { Problem, PublishedStoryPoint, Receipt, Submission } from './types';

/** Why a request failed: no connection, the server failed, or it refused the input (with its problem). */
export class ApiError extends Error {
  constructor(
    readonly kind: 'network' | 'server' | 'invalid' | 'not-found',
    readonly problem?: Problem,
  ) {
    super(problem?.detail ?? kind);
  }
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'omit', cache: 'no-store' });
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
  if (response.status === 404) {
    throw new ApiError('not-found', problem);
  }
  if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
    throw new ApiError('invalid', problem);
  }
  throw new ApiError('server', problem);
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
