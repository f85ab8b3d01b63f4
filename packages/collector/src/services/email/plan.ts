import { randomUUID } from 'node:crypto';
import { emailCategoryOf, type EmailMessage, type JsonValue, type ProjectConfig } from '@hearth/schema';
import { digestFor } from '../../domain/announcements/build-state.js';
import { visibleRecords } from '../../domain/announcements/visible.js';
import { inSample } from '../../domain/targeting/sampling.js';
import { DAY_MS } from '../../domain/time.js';
import type { EmailCandidate, NewSend } from '../../storage/email/email-store.js';
import type { Store } from '../../storage/store.js';
import { loadAnnouncementContext } from '../announcement-context.js';
import { emailSettings, whyNot } from './recipient.js';

/** Users one plan looks at per message and tick; the rest wait for the next tick (the scan's cursor moves on). */
export const PLAN_BATCH = 500;
/** An onboarding nudge is timely for two weeks after its deadline; later it would only confuse. */
const ONBOARDING_WINDOW_MS = 14 * DAY_MS;

/** What one user gets for one message now, or null: the unique period and the plan's own facts. */
interface Chosen {
  period: string;
  campaign: string;
  payload: Record<string, JsonValue>;
}

type PlanStore = Pick<Store, 'email' | 'facts' | 'announcements' | 'responses' | 'prompts' | 'accounts'>;

/** Where a plan's scan is: after which user id, and how many users it looks at. */
interface Scan {
  after: string;
  limit: number;
}

/** The kind's own rule, as an audience query: who might get the message now, from the scan's cursor on. */
async function candidatesFor(
  store: PlanStore,
  project: ProjectConfig,
  message: EmailMessage,
  now: number,
  scan: Scan,
): Promise<EmailCandidate[]> {
  switch (message.kind) {
    case 'digest':
      return store.email.candidates(project.id, {
        lastSeenBefore: now - (message.inactiveDays ?? project.inactivityDays) * DAY_MS,
        notPlanned: { messageId: message.id, since: 'lastSeen' },
        ...scan,
      });
    case 'onboarding': {
      const deadline = now - message.withinDays * DAY_MS;
      return store.email.candidates(project.id, {
        firstSeenBefore: deadline,
        firstSeenAfter: deadline - ONBOARDING_WINDOW_MS,
        notDone: { event: message.event, withinMs: message.withinDays * DAY_MS },
        notPlanned: { messageId: message.id, since: 'ever' },
        ...scan,
      });
    }
    case 'nps':
      return store.email.candidates(project.id, {
        lastSeenBefore: now - message.unreachedDays * DAY_MS,
        notPlanned: { messageId: message.id, since: 'lastSeen' },
        ...scan,
      });
  }
}

/**
 * The digest: the announcements the in-app digest would list (published since the last activity,
 * unread, for this user, no digest shown or sent since), capped at `maxAgeDays` old. One per
 * absence: the period is the absence's start.
 */
async function pickDigest(
  store: PlanStore,
  project: ProjectConfig,
  message: Extract<EmailMessage, { kind: 'digest' }>,
  c: EmailCandidate,
  now: number,
): Promise<Chosen | null> {
  const records = await store.announcements.list(project.id);
  const ctx = await loadAnnouncementContext(store, {
    project,
    subject: { userId: c.userId },
    records,
    now: new Date(now),
    locale: null,
  });
  const inactivityDays = message.inactiveDays ?? project.inactivityDays;
  const digest = digestFor(visibleRecords(records, ctx.facts, ctx.now, true), { ...ctx, inactivityDays });
  const oldest = now - message.maxAgeDays * DAY_MS;
  const entries = (digest?.entries ?? []).filter((entry) => Date.parse(entry.publishedAt) >= oldest);
  if (!digest || entries.length === 0) return null;
  return {
    period: `absence-${Date.parse(digest.since)}`,
    campaign: `email:${message.id}`,
    payload: { since: digest.since, announcementIds: entries.map((entry) => entry.id) },
  };
}

/** NPS by email: the survey's next cycle, once the cadence reopened it (one answer per cycle, either channel). */
async function pickNps(
  store: PlanStore,
  project: ProjectConfig,
  message: Extract<EmailMessage, { kind: 'nps' }>,
  c: EmailCandidate,
  now: number,
): Promise<Chosen | null> {
  const record = await store.prompts.get(project.id, message.surveyId);
  const survey = record?.prompt;
  if (survey?.kind !== 'survey' || survey.content.type !== 'nps' || survey.status !== 'live') return null;
  const marks = (await store.responses.marks(project.id, { userId: c.userId })).get(survey.id) ?? [];
  const last = marks.reduce<{ cycle: number; answeredAt: Date } | null>((a, m) => (a && a.cycle >= m.cycle ? a : m), null);
  if (last && now - last.answeredAt.getTime() < survey.cadence.reaskAfterDays * DAY_MS) return null;
  const cycle = (last?.cycle ?? 0) + 1;
  return { period: `cycle-${cycle}`, campaign: survey.id, payload: { surveyId: survey.id, cycle } };
}

async function pick(
  store: PlanStore,
  project: ProjectConfig,
  message: EmailMessage,
  c: EmailCandidate,
  now: number,
): Promise<Chosen | null> {
  switch (message.kind) {
    case 'digest':
      return pickDigest(store, project, message, c, now);
    case 'onboarding':
      return { period: 'once', campaign: `email:${message.id}`, payload: {} };
    case 'nps':
      return pickNps(store, project, message, c, now);
  }
}

/**
 * Plans one message: every candidate the kind's rule, consent, unsubscribes, bounces and the
 * audience let through gets one send row under its (message, user, period) key, or — for the
 * stable holdout share — a `holdout` row that is never sent but measured. Answers how many rows were new.
 */
export async function planMessage(
  store: PlanStore,
  project: ProjectConfig,
  message: EmailMessage,
  now: number,
  batch = PLAN_BATCH,
): Promise<number> {
  if (message.status !== 'live') return 0;
  const settings = emailSettings(project);
  const sends: NewSend[] = [];
  // Each round resumes where the last one stopped, wrapping after the last user: users who get
  // nothing stay candidates, and rescanning them first every round would starve everyone after them.
  const candidates = await candidatesFor(store, project, message, now, {
    after: await store.email.planCursor(project.id, message.id),
    limit: batch,
  });
  await store.email.setPlanCursor(project.id, message.id, candidates.length < batch ? '' : candidates.at(-1)!.userId);
  for (const candidate of candidates) {
    if ((await whyNot(store, project, message, candidate, new Date(now))).length > 0) continue;
    const chosen = await pick(store, project, message, candidate, now);
    if (!chosen) continue;
    const holdout = inSample(message.holdoutPercent ?? settings.holdoutPercent, `email-holdout:${message.id}`, candidate.userId);
    sends.push({
      projectId: project.id,
      sendId: randomUUID(),
      messageId: message.id,
      userId: candidate.userId,
      kind: message.kind,
      category: emailCategoryOf(message),
      status: holdout ? 'holdout' : 'queued',
      notBefore: now,
      createdAt: now,
      ...chosen,
    });
  }
  return sends.length ? store.email.enqueue(sends) : 0;
}
