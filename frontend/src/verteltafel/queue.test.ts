import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import type { InPersonStory } from './staff';
import { sendWaiting, type SendResult } from './table';
import { Vault } from './vault';

const SLUG = 'jeugdzorg';

function story(submissionId: string): InPersonStory {
  return {
    submissionId,
    channel: 'verteltafel',
    role: 'jongere',
    language: 'nl',
    text: `Verhaal ${submissionId}`,
    answers: {},
    toldOn: '2026-03-12',
  };
}

/** A server that answers each story as {@code answer} says (resolves for an acknowledgement). */
function server(answer: (story: InPersonStory) => Promise<unknown> = () => Promise.resolve({})) {
  const received: string[] = [];
  const send = async (slug: string, s: InPersonStory) => {
    expect(slug).toBe(SLUG);
    received.push(s.submissionId);
    return answer(s);
  };
  return { send, received };
}

describe('sending the verteltafel queue', () => {
  let vault: Vault;
  let results: SendResult[];
  const each = (result: SendResult) => {
    results.push(result);
    return Promise.resolve();
  };

  beforeEach(async () => {
    vault = new Vault(1_000);
    await vault.setUp('246810');
    results = [];
    for (const id of ['a', 'b', 'c']) {
      await vault.enqueue(SLUG, id, story(id));
    }
    await vault.enqueue('elders', 'x', story('x'));
  });

  afterEach(async () => {
    await vault.erase();
  });

  it('sends every waiting story of the story point once, in the order the queue lists them', async () => {
    const order = await vault.waiting(SLUG);
    const { send, received } = server();
    expect(await sendWaiting(vault, SLUG, send, each)).toBe('done');
    expect(received).toEqual(order);
    expect(received.sort()).toEqual(['a', 'b', 'c']);
  });

  it('removes each story from the queue once the server acknowledged it, and says so', async () => {
    const { send } = server();
    await sendWaiting(vault, SLUG, send, each);
    expect(await vault.waiting(SLUG)).toEqual([]);
    expect(results.map((r) => [r.id, r.sent]).sort()).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    // another story point's queue is left alone
    expect(await vault.waiting('elders')).toEqual(['x']);
  });

  it('removes a story only after the acknowledgement has arrived', async () => {
    let acknowledge: () => void = () => undefined;
    const { send, received } = server(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.submissionId === 'b') {
            acknowledge = resolve;
          } else {
            resolve();
          }
        }),
    );
    const round = sendWaiting(vault, SLUG, send, each);
    await expect.poll(() => received).toContain('b');
    expect(await vault.waiting(SLUG)).toContain('b');
    expect(results.map((r) => r.id)).not.toContain('b');
    acknowledge();
    expect(await round).toBe('done');
    expect(await vault.waiting(SLUG)).toEqual([]);
  });

  it('keeps every story and stops at once when there is no connection', async () => {
    const { send, received } = server(() => Promise.reject(new ApiError('network')));
    expect(await sendWaiting(vault, SLUG, send, each)).toBe('offline');
    expect(received).toHaveLength(1);
    expect((await vault.waiting(SLUG)).sort()).toEqual(['a', 'b', 'c']);
    expect(results).toEqual([]);
  });

  it('treats an unexpected failure of sending as no connection', async () => {
    const { send } = server(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await sendWaiting(vault, SLUG, send, each)).toBe('offline');
    expect((await vault.waiting(SLUG)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps every story and stops when the server has a problem', async () => {
    const { send, received } = server(() => Promise.reject(new ApiError('server', undefined, 503)));
    expect(await sendWaiting(vault, SLUG, send, each)).toBe('offline');
    expect(received).toHaveLength(1);
    expect(await vault.waiting(SLUG)).toHaveLength(3);
  });

  it('asks to sign in again and stops when the session has ended', async () => {
    const { send, received } = server(() => Promise.reject(new ApiError('invalid', undefined, 401)));
    expect(await sendWaiting(vault, SLUG, send, each)).toBe('signin');
    expect(received).toHaveLength(1);
    expect(await vault.waiting(SLUG)).toHaveLength(3);
  });

  it('keeps a refused story with its reason and goes on with the next', async () => {
    const refusal = new ApiError(
      'invalid',
      { type: 'about:blank', title: 'Ongeldig', status: 422, detail: 'Te kort' },
      422,
    );
    const { send, received } = server((s) =>
      s.submissionId === 'b' ? Promise.reject(refusal) : Promise.resolve({}),
    );
    expect(await sendWaiting(vault, SLUG, send, each)).toBe('done');
    expect(received.sort()).toEqual(['a', 'b', 'c']);
    expect(await vault.waiting(SLUG)).toEqual(['b']);
    const refused = results.find((r) => !r.sent);
    expect(refused).toEqual({ id: 'b', sent: false, story: story('b'), error: refusal });
  });

  it('sends nothing when the queue of the story point is empty', async () => {
    const { send, received } = server();
    expect(await sendWaiting(vault, 'leeg', send, each)).toBe('done');
    expect(received).toEqual([]);
    expect(results).toEqual([]);
  });
});
