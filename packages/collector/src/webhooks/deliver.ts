import { SIGNATURE_HEADER, signWebhook } from '@hearth/node/webhooks';
import { backoffDelay, retryAfterMs } from './backoff.js';
import { OutboundRefused, postOutbound, type OutboundPolicy } from './outbound.js';

/** One HTTP attempt of one delivery, as recorded. */
export interface WebhookAttempt {
  deliveryId: string;
  url: string;
  /** 1-based. */
  attempt: number;
  at: Date;
  /** HTTP status, or null when no response came (network error, timeout). */
  status: number | null;
  error: string | null;
  /** `retry`: another attempt follows at `nextAttemptAt`; `failed`: the last one, given up. */
  outcome: 'delivered' | 'retry' | 'failed';
  nextAttemptAt: Date | null;
}

/** Where attempts go: the responses sub-store once it exists, a log or an array until then. */
export interface DeliveryRecorder {
  record(attempt: WebhookAttempt): void | Promise<void>;
}

export interface WebhookDelivery {
  url: string;
  secrets: readonly string[];
  /** Stable per event: receivers de-duplicate on the `Hearth-Delivery` header. */
  deliveryId: string;
  /** e.g. `survey.response.created`, sent as `Hearth-Event`. */
  event: string;
  body: string;
}

export interface DeliveryOptions {
  recorder: DeliveryRecorder;
  /** Whether private targets are allowed (the project's opt-out), and the resolver (tests stub it). */
  policy: OutboundPolicy;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per attempt. */
  timeoutMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The status table both sides of Hearth follow: 408, 429 and 5xx are worth another try. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface AttemptResult {
  status: number | null;
  error: string | null;
  retryAfter: string | null;
  /** Refused before connecting: no later attempt can do better. */
  refused: boolean;
}

async function attempt(delivery: WebhookDelivery, timestamp: number, timeoutMs: number, policy: OutboundPolicy): Promise<AttemptResult> {
  try {
    const response = await postOutbound(
      delivery.url,
      {
        body: delivery.body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Hearth-Webhooks/1',
          'hearth-delivery': delivery.deliveryId,
          'hearth-event': delivery.event,
          [SIGNATURE_HEADER.toLowerCase()]: signWebhook(delivery.secrets, delivery.body, timestamp),
        },
        timeoutMs,
      },
      policy,
    );
    const ok = response.status >= 200 && response.status < 300;
    // A redirect could point the signed payload anywhere; the receiver must answer itself.
    const redirect =
      response.status >= 300 && response.status < 400
        ? `HTTP ${response.status}: redirect${response.location ? ` to ${response.location}` : ''} not followed`
        : null;
    return {
      status: response.status,
      error: ok ? null : (redirect ?? `HTTP ${response.status}`),
      retryAfter: response.retryAfter,
      refused: false,
    };
  } catch (error) {
    return {
      status: null,
      error: error instanceof Error ? error.message : String(error),
      retryAfter: null,
      refused: error instanceof OutboundRefused,
    };
  }
}

/**
 * Posts a signed webhook, retrying network errors, timeouts, 408, 429 and 5xx with exponential
 * backoff and full jitter (honouring `Retry-After`, capped at `maxDelayMs`) up to `maxAttempts`.
 * Other statuses are final: the receiver refused it, or redirected (never followed). A target the
 * outbound policy refuses (a private address) is final too. Each attempt is signed afresh, so a
 * late retry still passes the receiver's timestamp tolerance; every attempt is recorded.
 */
export async function deliverWebhook(
  delivery: WebhookDelivery,
  options: DeliveryOptions,
): Promise<{ delivered: boolean; attempts: number }> {
  const { recorder, maxAttempts = 6, baseDelayMs = 1_000, maxDelayMs = 5 * 60_000, timeoutMs = 10_000 } = options;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  for (let n = 1; ; n += 1) {
    const at = now();
    const result = await attempt(delivery, Math.floor(at.getTime() / 1000), timeoutMs, options.policy);
    const delivered = result.status !== null && result.status >= 200 && result.status < 300;
    const again = !delivered && !result.refused && n < maxAttempts && (result.status === null || retryable(result.status));
    const wait = again
      ? Math.min(maxDelayMs, retryAfterMs(result.retryAfter, at.getTime()) ?? backoffDelay(n, baseDelayMs, maxDelayMs, options.random))
      : 0;
    await recorder.record({
      deliveryId: delivery.deliveryId,
      url: delivery.url,
      attempt: n,
      at,
      status: result.status,
      error: result.error,
      outcome: delivered ? 'delivered' : again ? 'retry' : 'failed',
      nextAttemptAt: again ? new Date(at.getTime() + wait) : null,
    });
    if (!again) return { delivered, attempts: n };
    await sleep(wait);
  }
}
