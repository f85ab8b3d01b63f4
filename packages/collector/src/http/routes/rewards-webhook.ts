import { SIGNATURE_HEADER, signWebhook } from '@hearth/node/webhooks';
import type { StoredRedemption } from '../../storage/rewards-store.js';

export interface WebhookOptions {
  /** Where a project's redemptions go, and the secret that signs them (none: no webhook). */
  target(projectId: string): { url: string; secret: string } | undefined;
  clock: () => number;
  fetch?: typeof fetch;
  log?: (message: string, error: unknown) => void;
  /** Delays between attempts; the default retries after 1 s, 5 s and 25 s. */
  retryDelaysMs?: readonly number[];
}

/**
 * Sends `redemption.created` to the host's fulfilment endpoint, signed, after the redemption is
 * committed. Delivery is at-least-once (retried on failure): receivers de-duplicate by
 * `redemption.id`, then report back with `POST /v1/server/redemptions/{id}/fulfilled|failed`.
 */
export function createWebhookSender(options: WebhookOptions) {
  const send = options.fetch ?? fetch;
  const delays = options.retryDelaysMs ?? [1_000, 5_000, 25_000];
  const log = options.log ?? console.error;
  return async (projectId: string, redemption: StoredRedemption): Promise<boolean> => {
    const target = options.target(projectId);
    if (!target) return false;
    const body = JSON.stringify({ type: 'redemption.created', projectId, redemption });
    for (let attempt = 0; ; attempt++) {
      let retryable = true;
      let failure: unknown;
      try {
        const response = await send(target.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: signWebhook([target.secret], body, Math.floor(options.clock() / 1000)) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) return true;
        retryable = response.status >= 500 || response.status === 408 || response.status === 429;
        failure = new Error(`HTTP ${response.status}`);
      } catch (error) {
        failure = error;
      }
      if (!retryable || attempt >= delays.length) {
        log(`hearth-collector: fulfilment webhook for redemption ${redemption.id} failed`, failure);
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]).unref());
    }
  };
}
