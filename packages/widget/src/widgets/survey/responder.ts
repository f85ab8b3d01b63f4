import type { Post } from '../../core/transport.js';
import type { SurveyResponseBody } from './model.js';

/** Tries per answer; the comment repeats the score, so a lost score is also recovered by it. */
export const MAX_RESPONSE_ATTEMPTS = 5;
const FIRST_RETRY_MS = 2_000;

/**
 * Sends survey answers to `POST /v1/responses` through the core's `post` (identity, consent,
 * text/plain: no preflight), retrying what the status table says to retry with doubling delays
 * (or the server's `Retry-After`). (survey, user, cycle) makes every retry idempotent on the
 * collector, so retries can never add a second response. Lives in the survey chunk, not the core.
 */
export function createResponder(post: Post): (response: SurveyResponseBody) => void {
  const attempt = (response: SurveyResponseBody, n: number): void =>
    void post('/v1/responses', response).then((outcome) => {
      if (outcome?.kind === 'retry' && n < MAX_RESPONSE_ATTEMPTS)
        setTimeout(() => attempt(response, n + 1), outcome.after ?? FIRST_RETRY_MS * 2 ** (n - 1));
    });
  return (response) => attempt(response, 1);
}
