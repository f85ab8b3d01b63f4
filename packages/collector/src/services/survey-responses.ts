import type { ProjectConfig, SurveyResponse } from '@hearth/schema';
import type { ResponseDecision } from '../domain/survey/response.js';
import type { Subject } from '../storage/facts/fact-store.js';
import type { Store } from '../storage/store.js';
import type { RewardsEngine } from './rewards-engine.js';
import { saveResponse } from './save-response.js';
import type { WebhookJobs } from './webhook-jobs.js';

export interface SurveyResponseDeps {
  store: Pick<Store, 'prompts' | 'responses' | 'facts'>;
  /** Awards a verified user's answer through the rewards ledger (`surveyAnswered` earning rules). */
  rewards?: RewardsEngine;
  /** Where the project's survey webhooks are enqueued. */
  webhooks: Pick<WebhookJobs, 'surveyResponseJobs' | 'committed'>;
  log?: (message: string, error: unknown) => void;
}

export interface SurveyResponseInput {
  project: ProjectConfig;
  subject: Subject;
  verified: boolean;
  response: SurveyResponse;
  now: Date;
  /** A later score replaces the stored one (the score links of an NPS email). */
  rescore?: boolean;
}

/**
 * One survey answer: stored idempotently per (survey, user, cycle), or `unknown_survey`. A new or
 * changed response enqueues the project's webhooks as durable jobs in its own transaction (sent in
 * the background: a slow receiver must not slow the widget down; attempts are recorded) and, for
 * a verified user's first answer of a cycle, runs the rewards hook in the background.
 */
export async function submitSurveyResponse(
  deps: SurveyResponseDeps,
  input: SurveyResponseInput,
): Promise<ResponseDecision | { outcome: 'unknown_survey' }> {
  const { store } = deps;
  const { project, subject, response } = input;
  const record = await store.prompts.get(project.id, response.surveyId);
  if (record?.prompt.kind !== 'survey') return { outcome: 'unknown_survey' };
  // One person, one answer per cycle: what this browser answered before signing in becomes the
  // user's (only while its anonymous id is not linked yet; see ResponseStore.claim).
  if ('userId' in subject) await store.responses.claim(project.id, response.anonymousId, subject.userId);
  const { traits } = await store.facts.profile(project.id, subject);
  const decision = await saveResponse(store.responses, {
    projectId: project.id,
    survey: record.prompt,
    respondent: subject,
    response,
    traits,
    now: input.now,
    rescore: input.rescore ?? false,
    jobsFor: (outcome, saved) => deps.webhooks.surveyResponseJobs(project.id, outcome, saved, project.webhooks),
  });
  if (decision.outcome === 'created' || decision.outcome === 'updated') {
    const outcome = decision.outcome;
    deps.webhooks.committed();
    if (outcome === 'created' && deps.rewards && input.verified && 'userId' in subject) {
      const { userId } = subject;
      void deps.rewards
        .onSurveyAnswered(project.id, userId, response.surveyId, `cycle-${response.cycle}`)
        .catch((error: unknown) => deps.log?.('hearth-collector: survey response follow-up failed', error));
    }
  }
  return decision;
}
