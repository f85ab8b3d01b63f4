import type { AnnouncementRecord, EmailMessage, ProjectConfig, SurveyPrompt } from '@hearth/schema';
import { recipientAddress } from '../../domain/email/eligibility.js';
import { nextSendableAt } from '../../domain/email/quiet-hours.js';
import { fatigueUsage } from '../../domain/frequency/fatigue.js';
import { historyFromEvents } from '../../domain/frequency/history.js';
import { DAY_MS } from '../../domain/time.js';
import type { SendRecord } from '../../storage/email/email-store.js';
import type { Store } from '../../storage/store.js';
import { backoffDelay } from '../../webhooks/backoff.js';
import { composeEmail } from './compose.js';
import { emailSettings, mergedTraits, whyNot } from './recipient.js';
import type { MailTransport } from './smtp-transport.js';

/** Temporary failures (4xx, connection trouble) are retried with back-off this many times. */
export const MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 60 * 60 * 1000;
/** When the fatigue budget is spent, look again in an hour. */
const FATIGUE_RETRY_MS = 60 * 60 * 1000;

export interface SendDeps {
  store: Pick<Store, 'email' | 'facts' | 'announcements' | 'prompts' | 'accounts'>;
  transport: MailTransport;
  baseUrl: string;
  clock: () => number;
  /** A claim lasts this long: a sender that died holding it is taken over after it. */
  leaseMs: number;
  random?: () => number;
}

export type SendResult = 'sent' | 'retry' | 'failed' | 'deferred';

/** The announcements and survey one send's email shows, as the plan chose them. */
async function contentOf(deps: SendDeps, project: ProjectConfig, send: SendRecord) {
  const ids = Array.isArray(send.payload.announcementIds) ? send.payload.announcementIds : [];
  let announcements: AnnouncementRecord[] = [];
  if (ids.length) {
    const all = await deps.store.announcements.list(project.id);
    announcements = ids.flatMap((id) => all.filter((r) => r.announcement.id === id));
  }
  let survey: SurveyPrompt | null = null;
  if (typeof send.payload.surveyId === 'string') {
    const prompt = (await deps.store.prompts.get(project.id, send.payload.surveyId))?.prompt;
    survey = prompt?.kind === 'survey' ? prompt : null;
  }
  return { announcements, survey };
}

/** Start of the next UTC day: when the daily cap opens again. */
const nextUtcDay = (now: number) => (Math.floor(now / DAY_MS) + 1) * DAY_MS;

/** Whether the user's shared (app + email) fatigue budget has room now. */
async function fatigueAllows(deps: SendDeps, project: ProjectConfig, userId: string, now: number): Promise<boolean> {
  const [events, prompts, records] = await Promise.all([
    deps.store.facts.promptEvents(project.id, { userId }),
    deps.store.prompts.list(project.id),
    deps.store.announcements.list(project.id),
  ]);
  const interrupting = new Set([
    ...prompts.filter((r) => r.prompt.interrupting).map((r) => r.prompt.id),
    ...records.filter((r) => r.announcement.boosted).map((r) => r.announcement.id),
  ]);
  return fatigueUsage(historyFromEvents(events), interrupting, project.fatigue, new Date(now)).remaining > 0;
}

/**
 * One claimed send: checked again against everything that may have changed since it was planned
 * (message paused, consent withdrawn, unsubscribed, bounced), held back by quiet hours, the daily
 * cap and the shared fatigue budget, then handed to the relay and its answer recorded.
 */
export async function sendOne(deps: SendDeps, project: ProjectConfig, send: SendRecord): Promise<SendResult> {
  const { store } = deps;
  const now = deps.clock();
  const settings = emailSettings(project);
  const fail = async (reason: string) => (await store.email.markFailed(project.id, send.sendId, now, reason, false), 'failed' as const);
  const defer = async (until: number, reason: string) => (
    await store.email.requeue(project.id, send.sendId, until, reason, false),
    'deferred' as const
  );
  const message: EmailMessage | undefined = (await store.email.getMessage(project.id, send.messageId))?.message;
  if (!message || message.status !== 'live') return fail('the message is no longer live');
  const candidate = await store.email.candidate(project.id, send.userId);
  if (!candidate) return fail('the user is gone');
  const reasons = await whyNot(store, project, message, candidate, new Date(now));
  if (reasons.length) return fail(reasons.join('; '));
  const to = recipientAddress(settings, { trustedTraits: candidate.trustedTraits, suppressions: [] }) as string;
  const sendable = nextSendableAt(
    now,
    candidate.traits.timeZone ?? candidate.trustedTraits.timeZone,
    message.quietHours ?? settings.quietHours,
  );
  if (sendable > now) return defer(sendable, "quiet hours in the user's time zone");
  if ((await store.email.sentSince(project.id, Math.floor(now / DAY_MS) * DAY_MS)) >= settings.dailyCap) {
    return defer(nextUtcDay(now), `the project's daily cap of ${settings.dailyCap} is reached`);
  }
  if (!(await fatigueAllows(deps, project, send.userId, now))) return defer(now + FATIGUE_RETRY_MS, 'the fatigue budget is spent');

  const email = composeEmail({
    project,
    message,
    sendId: send.sendId,
    traits: mergedTraits(candidate),
    ...(await contentOf(deps, project, send)),
    baseUrl: deps.baseUrl,
    now,
  });
  const domain = /@([^>]+)>?$/.exec(settings.from)?.[1] ?? 'hearth.invalid';
  const result = await deps.transport.send({
    from: settings.from,
    to,
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    subject: email.subject,
    html: email.html,
    text: email.text,
    messageId: `<${send.sendId}@${domain}>`,
    headers: {
      // RFC 8058: mail clients show an unsubscribe button that POSTs `List-Unsubscribe=One-Click` to the URL.
      'List-Unsubscribe': `<${email.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-Hearth-Message': send.messageId,
    },
  });
  const at = deps.clock();
  if (result.outcome === 'accepted') {
    await store.email.markSent(project.id, send.sendId, at, to, `<${send.sendId}@${domain}>`);
    return 'sent';
  }
  if (result.outcome === 'permanent') {
    await store.email.markFailed(project.id, send.sendId, at, result.error, result.hardBounce);
    if (result.hardBounce) await store.email.suppress(project.id, send.userId, '*', `hard bounce: ${result.error}`, at);
    return 'failed';
  }
  if (send.attempts >= MAX_ATTEMPTS) {
    await store.email.markFailed(project.id, send.sendId, at, `gave up after ${send.attempts} attempts: ${result.error}`, false);
    return 'failed';
  }
  const delay = backoffDelay(send.attempts, RETRY_BASE_MS, RETRY_MAX_MS, deps.random);
  await store.email.requeue(project.id, send.sendId, at + Math.max(1_000, delay), result.error, true);
  return 'retry';
}

/** Claims and sends due sends of one project until none is due or `max` were handled. */
export async function workQueue(deps: SendDeps, project: ProjectConfig, max = 1_000): Promise<Record<SendResult, number>> {
  const counts: Record<SendResult, number> = { sent: 0, retry: 0, failed: 0, deferred: 0 };
  let handled = 0;
  while (handled < max) {
    const claimed = await deps.store.email.claim(project.id, deps.clock(), deps.leaseMs, Math.min(20, max - handled));
    if (claimed.length === 0) break;
    for (const send of claimed) counts[await sendOne(deps, project, send)] += 1;
    handled += claimed.length;
  }
  return counts;
}
