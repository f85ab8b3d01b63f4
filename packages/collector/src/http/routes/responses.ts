import { surveyResponseSchema } from '@hearth/schema';
import { Hono } from 'hono';
import type { RewardsEngine } from '../../services/rewards-engine.js';
import { submitSurveyResponse } from '../../services/survey-responses.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { WebhookJobs } from '../../services/webhook-jobs.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { parseJsonBody } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { projectCors } from '../middleware/cors.js';
import { projectKey } from '../middleware/project-key.js';
import type { RateLimit } from '../middleware/rate-limit.js';
import { resolveCaller } from '../resolve-subject.js';

/** A comment of 5,000 characters (up to 4 bytes each) plus the envelope. */
const MAX_RESPONSE_BYTES = 32 * 1024;

export interface ResponseRouteDeps {
  store: Store;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
  /** The app's one rate limit, shared with the other public routes. */
  rateLimit: RateLimit;
  /** Awards a verified user's answer through the rewards ledger (`surveyAnswered` earning rules). */
  rewards?: RewardsEngine;
  /** Where the survey webhooks are enqueued. */
  webhooks: Pick<WebhookJobs, 'surveyResponseJobs' | 'committed'>;
  log?: (message: string, error: unknown) => void;
}

/**
 * `POST /v1/responses?key=<public key>` (text/plain JSON, no preflight): one survey answer,
 * idempotent per (survey, user, cycle). Answers `{ outcome, cycle }` once stored; 404 for an
 * unknown survey, 409 for a conflicting score or a cycle the cadence has not opened, 422 for an
 * answer that does not fit the survey. A new or changed response then enqueues the project's
 * webhooks (sent in the background) and, for a verified user's first answer of a cycle, the rewards hook.
 */
export function responseRoutes(deps: ResponseRouteDeps) {
  const { projects, clock, rateLimit } = deps;
  const app = new Hono<AppEnv>();
  app.use('/v1/responses', projectKey(projects), projectCors(), rateLimit, bodyLimit({ maxBytes: MAX_RESPONSE_BYTES }));
  app.post('/v1/responses', async (c) => {
    const now = clock();
    const project = c.var.project;
    const response = parseJsonBody(c.var.body, surveyResponseSchema, {
      code: 'invalid_response',
      message: 'The survey response is not valid; see issues.',
    });
    const { subject, verified } = await resolveCaller(project, response, now);
    const decision = await submitSurveyResponse(deps, { project, subject, verified, response, now: new Date(now) });
    if (decision.outcome === 'unknown_survey') {
      throw new HttpError(404, 'survey_not_found', `No survey "${response.surveyId}" in project ${project.id}.`, [
        { path: 'surveyId', message: 'unknown survey' },
      ]);
    }
    if (decision.outcome === 'refused') {
      const [first] = decision.issues;
      throw new HttpError(
        decision.status,
        decision.status === 422 ? 'answer_does_not_fit' : 'response_conflict',
        first?.message ?? 'refused',
        decision.issues,
      );
    }
    return c.json({ outcome: decision.outcome, cycle: decision.record.cycle });
  });
  return app;
}
