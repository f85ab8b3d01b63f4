import type { WebhookEndpoint } from '@hearth/schema';
import type { StoredResponse } from '../domain/survey/response.js';
import type { ResponseStore } from '../storage/responses/response-store.js';
import { deliverWebhook, type DeliveryOptions, type WebhookAttempt } from './deliver.js';
import type { OutboundPolicy } from './outbound.js';
import { surveyResponseDeliveries } from './survey-response.js';

export interface DispatchDeps {
  responses: ResponseStore;
  log?: (message: string, error: unknown) => void;
  /** Backoff, timing and resolver overrides (tests); attempts are always recorded in `responses`. */
  delivery?: Omit<DeliveryOptions, 'recorder' | 'policy'> & { resolve?: OutboundPolicy['resolve'] };
}

/**
 * Sends the webhooks a new or updated response triggers, each retried and recorded on its own.
 * Resolves when every delivery finished (delivered or given up); the response route does not
 * wait for it, so a slow receiver never slows the widget down.
 */
export async function dispatchSurveyWebhooks(
  deps: DispatchDeps,
  projectId: string,
  outcome: 'created' | 'updated',
  record: StoredResponse,
  endpoints: readonly WebhookEndpoint[],
  allowPrivate: boolean,
): Promise<void> {
  const recorder = { record: (attempt: WebhookAttempt) => deps.responses.recordAttempt(projectId, attempt) };
  const { resolve, ...timing } = deps.delivery ?? {};
  const policy: OutboundPolicy = { allowPrivate, ...(resolve ? { resolve } : {}) };
  await Promise.all(
    surveyResponseDeliveries(projectId, outcome, record, endpoints).map((delivery) =>
      deliverWebhook(delivery, { ...timing, recorder, policy }).catch((error: unknown) =>
        deps.log?.(`webhook ${delivery.url} failed`, error),
      ),
    ),
  );
}
