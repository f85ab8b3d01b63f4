import type { ProjectConfig } from '@hearth/schema';
import type { StoredRedemption } from '../domain/rewards/ledger.js';
import { deliverWebhook, type DeliveryOptions, type WebhookAttempt } from './deliver.js';
import type { OutboundPolicy } from './outbound.js';

export interface WebhookOptions {
  /** The project as it applies now: its program's `fulfilmentWebhookUrl` and first secret key sign it (either missing: no webhook). */
  project(projectId: string): ProjectConfig | undefined;
  clock: () => number;
  log?: (message: string, error: unknown) => void;
  /** Backoff, timing and resolver overrides (tests). */
  delivery?: Omit<DeliveryOptions, 'recorder' | 'policy'> & { resolve?: OutboundPolicy['resolve'] };
}

/**
 * Sends `redemption.created` to the host's fulfilment endpoint, signed, after the redemption is
 * committed, through the same delivery as every webhook (no redirects followed, no private targets
 * unless allowed). Delivery is at-least-once (4 attempts, retried with backoff on network errors,
 * 408, 429 and 5xx): receivers de-duplicate by `redemption.id` (also the `Hearth-Delivery`
 * header), then report back with `POST /v1/server/redemptions/{id}/fulfilled|failed`.
 */
export function createRedemptionWebhook(options: WebhookOptions) {
  const log = options.log ?? console.error;
  const { resolve, ...timing } = options.delivery ?? {};
  return async (projectId: string, redemption: StoredRedemption): Promise<boolean> => {
    const project = options.project(projectId);
    const url = project?.rewards?.fulfilmentWebhookUrl;
    const secret = project?.secretKeys[0];
    if (!url || !secret) return false;
    const target = { url, secret, allowPrivate: project.allowPrivateWebhookTargets };
    const body = JSON.stringify({ type: 'redemption.created', projectId, redemption });
    const recorder = {
      record(attempt: WebhookAttempt) {
        if (attempt.outcome === 'failed')
          log(`hearth-collector: fulfilment webhook for redemption ${redemption.id} failed`, new Error(attempt.error ?? 'failed'));
      },
    };
    const { delivered } = await deliverWebhook(
      { url: target.url, secrets: [target.secret], deliveryId: redemption.id, event: 'redemption.created', body },
      {
        maxAttempts: 4,
        baseDelayMs: 1_000,
        maxDelayMs: 25_000,
        now: () => new Date(options.clock()),
        ...timing,
        recorder,
        policy: { allowPrivate: target.allowPrivate, ...(resolve ? { resolve } : {}) },
      },
    );
    return delivered;
  };
}
