import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Outcome, Post } from '../../core/transport.js';
import { createResponder, MAX_RESPONSE_ATTEMPTS } from './responder.js';

const answer = { surveyId: 'nps', cycle: 1, answer: { type: 'nps' as const, score: 3 }, locale: 'en' };
const postAnswering = (outcome: Outcome | null) => vi.fn<Post>(() => Promise.resolve(outcome));

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('survey responder', () => {
  it('posts the answer to /v1/responses through the core once when it succeeds', async () => {
    const post = postAnswering({ kind: 'ok', result: { accepted: 0, duplicates: 0, conflicts: 0 } });
    createResponder(post)(answer);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(post.mock.calls).toEqual([['/v1/responses', answer]]);
  });

  it('retries retryable outcomes a bounded number of times, honouring Retry-After', async () => {
    const post = postAnswering({ kind: 'retry', status: 503, after: 30_000 });
    createResponder(post)(answer);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(post).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(post).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(post).toHaveBeenCalledTimes(MAX_RESPONSE_ATTEMPTS);
  });

  it('gives up on a refusal, and sends nothing more when the core has no consent', async () => {
    for (const outcome of [{ kind: 'drop', status: 409 } as const, null]) {
      const post = postAnswering(outcome);
      createResponder(post)(answer);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(post).toHaveBeenCalledTimes(1);
    }
  });
});
