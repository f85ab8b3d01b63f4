import type { EmailBounce, ProjectConfig } from '@hearth/schema';
import { emailLinkProject, verifyEmailLink, type EmailLink } from '../../crypto/email-links.js';
import type { SendRecord } from '../../storage/email/email-store.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../project-registry.js';
import type { RewardsEngine } from '../rewards-engine.js';
import { submitSurveyResponse, type SurveyResponseDeps } from '../survey-responses.js';

export interface LinkDeps {
  store: Store;
  projects: ProjectRegistry;
  rewards?: RewardsEngine;
  /** Where a score's survey webhooks are enqueued, as for an in-app answer. */
  webhooks: SurveyResponseDeps['webhooks'];
  log?: (message: string, error: unknown) => void;
}

export type LinkCheck<A extends EmailLink['action']> =
  | { ok: true; project: ProjectConfig; link: Extract<EmailLink, { action: A }>; send: SendRecord }
  | { ok: false; reason: 'forged' | 'expired' | 'unknown' };

/** The token's project, its signature under one of that project's keys, its expiry and its send. */
export async function checkLink<A extends EmailLink['action']>(
  deps: LinkDeps,
  token: string,
  action: A,
  now: number,
): Promise<LinkCheck<A>> {
  const projectId = emailLinkProject(token);
  const project = projectId === null ? undefined : deps.projects.get(projectId);
  if (!project) return { ok: false, reason: 'forged' };
  const verified = verifyEmailLink(token, project.secretKeys, now);
  if (!verified.ok) return verified;
  if (verified.link.action !== action || verified.link.projectId !== project.id) return { ok: false, reason: 'forged' };
  const send = await deps.store.email.getSend(project.id, verified.link.sendId);
  if (!send) return { ok: false, reason: 'unknown' };
  return { ok: true, project, link: verified.link as Extract<EmailLink, { action: A }>, send };
}

/** Unsubscribes the send's user from its category, at once; a second time changes nothing. */
export async function unsubscribe(deps: LinkDeps, token: string, now: number) {
  const check = await checkLink(deps, token, 'unsubscribe', now);
  if (!check.ok) return check;
  await deps.store.email.suppress(check.project.id, check.send.userId, check.send.category, 'unsubscribed', now, check.send.sendId);
  return { ok: true as const, project: check.project, category: check.send.category };
}

export type NpsOutcome =
  | { ok: true; project: ProjectConfig; score: number; recorded: 'created' | 'duplicate'; surveyId: string; followUp: string }
  | { ok: false; reason: 'forged' | 'expired' | 'unknown' | 'answered'; detail?: string };

/**
 * A score link clicked: stored as the survey's answer for the send's cycle, exactly as the in-app
 * survey stores one (same row, same cadence, same webhooks), so one person answers once per cycle
 * whichever channel asked. The same click again is a duplicate; another score for an answered
 * cycle is refused.
 */
export async function answerNps(deps: LinkDeps, token: string, now: number, comment?: string): Promise<NpsOutcome> {
  const check = await checkLink(deps, token, 'nps', now);
  if (!check.ok) return check;
  const { project, link, send } = check;
  const surveyId = String(send.payload.surveyId ?? '');
  const cycle = Number(send.payload.cycle ?? 0);
  const decision = await submitSurveyResponse(
    {
      store: deps.store,
      webhooks: deps.webhooks,
      ...(deps.rewards ? { rewards: deps.rewards } : {}),
      ...(deps.log ? { log: deps.log } : {}),
    },
    {
      project,
      subject: { userId: send.userId },
      // The link is signed with the project's secret key: as trustworthy as a verified identity.
      verified: true,
      response: {
        surveyId,
        cycle,
        answer: { type: 'nps', score: link.score },
        // A per-send id that no browser holds: nothing anonymous gets claimed by it.
        anonymousId: `email-${send.sendId}`.slice(0, 64),
        userId: send.userId,
        ...(comment ? { comment } : {}),
      },
      now: new Date(now),
      // Mail filters fetch links before the person sees them: the person's own click, which comes
      // later, must win over a score a filter fetched, so a later score link replaces the earlier.
      rescore: true,
    },
  );
  if (decision.outcome === 'unknown_survey') return { ok: false, reason: 'unknown' };
  if (decision.outcome === 'refused') return { ok: false, reason: 'answered', detail: decision.issues[0]?.message ?? '' };
  await deps.store.email.recordClick(project.id, send.sendId, now);
  const recorded = decision.outcome === 'created' ? 'created' : 'duplicate';
  return {
    ok: true,
    project,
    score: link.score,
    recorded,
    surveyId,
    followUp: await followUpQuestion(deps, project.id, surveyId, link.score),
  };
}

const DEFAULT_FOLLOW_UP = 'What is the main reason for your score?';

/** The survey's follow-up question for this score's group (promoter 9–10, passive 7–8, detractor 0–6). */
async function followUpQuestion(deps: LinkDeps, projectId: string, surveyId: string, score: number): Promise<string> {
  const prompt = (await deps.store.prompts.get(projectId, surveyId))?.prompt;
  const followUp = prompt?.kind === 'survey' && prompt.content.type === 'nps' ? prompt.content.followUp : undefined;
  if (typeof followUp === 'string') return followUp;
  const group = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
  return followUp?.[group] ?? DEFAULT_FOLLOW_UP;
}

/**
 * A bounce notice (`POST /v1/server/email/bounces`): a hard bounce or a complaint stops every
 * later send to the users of that address; a soft one is only recorded on the send.
 */
export async function recordBounce(store: Pick<Store, 'email'>, project: ProjectConfig, bounce: EmailBounce, now: number) {
  await store.email.markBounced(project.id, bounce.email, bounce.messageId ?? null, now);
  const users = bounce.type === 'soft' ? [] : await store.email.usersByAddress(project.id, bounce.email);
  for (const userId of users)
    await store.email.suppress(project.id, userId, '*', `${bounce.type}: ${bounce.reason ?? 'bounce notice'}`, now);
  return { suppressedUsers: users.length };
}
