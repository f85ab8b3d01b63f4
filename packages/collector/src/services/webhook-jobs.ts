import type { ProjectConfig, WebhookEndpoint } from '@hearth/schema';
import type { StoredRedemption } from '../domain/rewards/ledger.js';
import type { StoredResponse } from '../domain/survey/response.js';
import type { NewJob } from '../storage/jobs/job-store.js';
import type { ResponseStore } from '../storage/responses/response-store.js';
import { sendWebhook } from '../webhooks/deliver.js';
import type { OutboundPolicy } from '../webhooks/outbound.js';
import { surveyResponseDeliveries } from '../webhooks/survey-response.js';
import { JobFailed, RetryJob, type JobHandler, type JobWorker } from './job-worker.js';
import type { ProjectRegistry } from './project-registry.js';

export const SURVEY_WEBHOOK_JOB = 'webhook.survey-response';
export const FULFILMENT_WEBHOOK_JOB = 'webhook.fulfilment';

/**
 * What a webhook job carries: the body, fixed when the change committed, and its delivery id (the
 * receiver's idempotency key). No secret: each attempt is signed with the project's secrets as they
 * apply then, so a rotated secret signs the next attempt.
 */
interface WebhookJobPayload {
  [field: string]: unknown;
  projectId: string;
  deliveryId: string;
  event: string;
  body: string;
  /** A survey webhook's endpoint; the fulfilment webhook's URL is the program's current one. */
  url?: string;
}

export interface WebhookJobOptions {
  projects: ProjectRegistry;
  /** Where every attempt is recorded (`webhook_attempts`). */
  responses: Pick<ResponseStore, 'recordAttempt'>;
  clock: () => number;
  /** Resolver and per-attempt timeout overrides (tests). */
  delivery?: { resolve?: OutboundPolicy['resolve']; timeoutMs?: number };
}

/** Where a delivery goes now, or why it cannot go anywhere any more. */
type Target = { url: string; secrets: readonly string[] } | { gone: string };

interface WebhookKind {
  kind: string;
  maxAttempts: number;
  backoff: JobHandler['backoff'];
  target(project: ProjectConfig, payload: WebhookJobPayload): Target;
}

/** Survey webhooks: 6 attempts over up to ~10 minutes (back-off from 1 s, at most 5 min apart). */
const SURVEY_WEBHOOK: WebhookKind = {
  kind: SURVEY_WEBHOOK_JOB,
  maxAttempts: 6,
  backoff: { baseMs: 1_000, maxMs: 5 * 60_000 },
  target(project, { url }) {
    const endpoint = project.webhooks.find((candidate) => candidate.url === url);
    return endpoint ? { url: endpoint.url, secrets: endpoint.secrets } : { gone: `the endpoint ${url} was removed from the project` };
  },
};

/** The program's fulfilment endpoint, signed with the project's first secret key. */
function fulfilmentTarget(project: ProjectConfig): Target {
  const url = project.rewards?.fulfilmentWebhookUrl;
  const secret = project.secretKeys[0];
  return url && secret ? { url, secrets: [secret] } : { gone: 'the rewards program has no fulfilment webhook' };
}

/** The fulfilment webhook: 4 attempts (back-off from 1 s, at most 25 s apart). */
const FULFILMENT_WEBHOOK: WebhookKind = {
  kind: FULFILMENT_WEBHOOK_JOB,
  maxAttempts: 4,
  backoff: { baseMs: 1_000, maxMs: 25_000 },
  target: fulfilmentTarget,
};

function webhookHandler(spec: WebhookKind, options: WebhookJobOptions): JobHandler {
  const { resolve, timeoutMs } = options.delivery ?? {};
  return {
    kind: spec.kind,
    maxAttempts: spec.maxAttempts,
    backoff: spec.backoff,
    async run(job, context) {
      const payload = job.payload as WebhookJobPayload;
      const project = options.projects.get(payload.projectId);
      const target = project ? spec.target(project, payload) : { gone: `no project ${payload.projectId} on this collector` };
      if ('gone' in target) throw new JobFailed(target.gone);
      const now = options.clock();
      const result = await sendWebhook(
        { url: target.url, secrets: target.secrets, deliveryId: payload.deliveryId, event: payload.event, body: payload.body },
        // Signed at the wall clock's time: the receiver checks it against its own clock (the app's
        // clock may be moved in end-to-end tests).
        { policy: { allowPrivate: project!.allowPrivateWebhookTargets, ...(resolve ? { resolve } : {}) }, now: Date.now(), timeoutMs },
      );
      const retryAt = result.outcome === 'retry' && !context.lastAttempt ? context.retryAt(result.retryAfterMs) : null;
      await options.responses.recordAttempt(payload.projectId, {
        deliveryId: payload.deliveryId,
        url: target.url,
        attempt: job.attempts,
        at: new Date(now),
        status: result.status,
        error: result.error,
        outcome: result.outcome === 'delivered' ? 'delivered' : retryAt === null ? 'failed' : 'retry',
        nextAttemptAt: retryAt === null ? null : new Date(retryAt),
      });
      if (result.outcome === 'delivered') return;
      if (retryAt !== null) throw new RetryJob(result.error ?? 'retry', retryAt);
      throw new JobFailed(`${payload.event} to ${target.url}: ${result.error ?? 'failed'}`);
    },
  };
}

/**
 * Webhooks as durable jobs: a delivery is a row enqueued in the transaction of the change that
 * causes it (so it commits with the change, or neither does), sent by whichever collector claims
 * it, retried with back-off from the store (a pending retry survives a restart, and another
 * instance sends it if this one died). Delivery is at least once with a stable `Hearth-Delivery`
 * id, so receivers that de-duplicate on it see each event once.
 */
export function createWebhookJobs(worker: JobWorker, options: WebhookJobOptions) {
  worker.register(webhookHandler(SURVEY_WEBHOOK, options)).register(webhookHandler(FULFILMENT_WEBHOOK, options));
  return {
    /** The survey webhooks a new or updated response triggers (none for a duplicate), one job per endpoint. */
    surveyResponseJobs(
      projectId: string,
      outcome: 'created' | 'updated',
      record: StoredResponse,
      endpoints: readonly WebhookEndpoint[],
    ): NewJob[] {
      return surveyResponseDeliveries(projectId, outcome, record, endpoints).map(({ url, deliveryId, event, body }) =>
        worker.job(SURVEY_WEBHOOK_JOB, `${projectId}:${deliveryId}:${url}`, { projectId, url, deliveryId, event, body }),
      );
    },
    /** `redemption.created` for the program's fulfilment endpoint, when it has one; `redemption.id` is the delivery id. */
    redemptionJobs(projectId: string, redemption: StoredRedemption): NewJob[] {
      const project = options.projects.get(projectId);
      if (!project || 'gone' in fulfilmentTarget(project)) return [];
      const body = JSON.stringify({ type: 'redemption.created', projectId, redemption });
      const payload: WebhookJobPayload = { projectId, deliveryId: redemption.id, event: 'redemption.created', body };
      return [worker.job(FULFILMENT_WEBHOOK_JOB, `${projectId}:${redemption.id}`, payload)];
    },
    /** After the change that enqueued jobs committed: sends them now rather than at the next poll. */
    committed(): void {
      worker.wake();
    },
  };
}

export type WebhookJobs = ReturnType<typeof createWebhookJobs>;
