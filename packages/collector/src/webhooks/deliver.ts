import { SIGNATURE_HEADER, signWebhook } from '@hearth/node/webhooks';
import { retryAfterMs } from './backoff.js';
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

export interface WebhookDelivery {
  url: string;
  secrets: readonly string[];
  /** Stable per event: receivers de-duplicate on the `Hearth-Delivery` header. */
  deliveryId: string;
  /** e.g. `survey.response.created`, sent as `Hearth-Event`. */
  event: string;
  body: string;
}

export interface SendOptions {
  /** Whether private targets are allowed (the project's opt-out), and the resolver (tests stub it). */
  policy: OutboundPolicy;
  /** Epoch ms: the signature's timestamp. */
  now: number;
  timeoutMs?: number;
}

/** One attempt's result: `retry` when another attempt could do better (network error, timeout, 408, 429, 5xx). */
export interface SendResult {
  status: number | null;
  error: string | null;
  outcome: 'delivered' | 'retry' | 'failed';
  /** The receiver's `Retry-After`, in ms. */
  retryAfterMs: number | null;
}

/** Per attempt. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** The status table both sides of Hearth follow: 408, 429 and 5xx are worth another try. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

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
 * One signed attempt of a webhook. Network errors, timeouts, 408, 429 and 5xx are worth another
 * try (`retry`, with the receiver's `Retry-After`); other statuses are final: the receiver refused
 * it, or redirected (never followed). A target the outbound policy refuses (a private address) is
 * final too. Each attempt is signed afresh, so a late retry still passes the receiver's timestamp
 * tolerance. Retrying is the job queue's business (`services/webhook-jobs.ts`): a pending retry is
 * a row in the store, not a timer in this process.
 */
export async function sendWebhook(delivery: WebhookDelivery, options: SendOptions): Promise<SendResult> {
  const result = await attempt(delivery, Math.floor(options.now / 1000), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.policy);
  const delivered = result.status !== null && result.status >= 200 && result.status < 300;
  const again = !delivered && !result.refused && (result.status === null || retryable(result.status));
  return {
    status: result.status,
    error: result.error,
    outcome: delivered ? 'delivered' : again ? 'retry' : 'failed',
    retryAfterMs: again ? retryAfterMs(result.retryAfter, options.now) : null,
  };
}
