import { emailMessageSchema, type EmailMessage, type EmailPreview, type ProjectConfig } from '@hearth/schema';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../project-registry.js';
import type { RewardsEngine } from '../rewards-engine.js';
import { composeEmail } from './compose.js';
import { emailKpis } from './kpis.js';
import { answerNps, recordBounce, unsubscribe, checkLink, type LinkDeps } from './links.js';
import { planMessage } from './plan.js';
import { mergedTraits, whyNot } from './recipient.js';
import { workQueue, type SendDeps } from './send-queue.js';
import type { MailTransport } from './smtp-transport.js';

export interface EmailServiceDeps {
  store: Store;
  projects: ProjectRegistry;
  /** No transport: nothing is sent (planning, previews and links still work). */
  transport: MailTransport | null;
  /** The collector's public URL, ending with `/`. */
  baseUrl: string;
  clock: () => number;
  /** How long a claim lasts (`email.claimLeaseSeconds`). */
  leaseMs: number;
  rewards?: RewardsEngine;
  webhooks: LinkDeps['webhooks'];
  log?: (message: string, error: unknown) => void;
}

export class EmailUnavailableError extends Error {
  override name = 'EmailUnavailableError';
}

/** Lifecycle email: planning, the send queue, previews and test sends, the links in the mails and the KPIs. */
export function createEmailService(deps: EmailServiceDeps) {
  const { store, clock } = deps;
  const linkDeps: LinkDeps = {
    store,
    projects: deps.projects,
    webhooks: deps.webhooks,
    ...(deps.rewards ? { rewards: deps.rewards } : {}),
    ...(deps.log ? { log: deps.log } : {}),
  };
  const sendDeps = (transport: MailTransport): SendDeps => ({
    store,
    transport,
    baseUrl: deps.baseUrl,
    clock,
    leaseMs: deps.leaseMs,
  });
  const emailProjects = () => deps.projects.all().filter((p) => p.email);

  /** Puts the configuration's messages in the store when absent; the console owns them afterwards. */
  async function seedMessages() {
    for (const project of emailProjects()) {
      for (const message of project.email?.messages ?? []) await store.email.saveMessage(project.id, message, 0, clock());
    }
  }

  /** Plans every live message of `project`; answers how many sends were new. */
  async function plan(project: ProjectConfig): Promise<number> {
    let created = 0;
    for (const { message } of await store.email.listMessages(project.id)) created += await planMessage(store, project, message, clock());
    return created;
  }

  /** Sends what is due for `project`. */
  function work(project: ProjectConfig, max?: number) {
    if (!deps.transport) throw new EmailUnavailableError('no SMTP relay is configured (email.smtp)');
    return workQueue(sendDeps(deps.transport), project, max);
  }

  /** One round for every project with email: plan, then send what is due. */
  async function tick() {
    for (const project of emailProjects()) {
      await plan(project);
      if (deps.transport) await work(project);
    }
  }

  /** The message as `userId` would get it now, and why they would not get it. */
  async function preview(project: ProjectConfig, message: EmailMessage, userId: string): Promise<EmailPreview | null> {
    const candidate = await store.email.candidate(project.id, userId);
    if (!candidate) return null;
    const now = clock();
    const [announcements, survey] = await Promise.all([
      message.kind === 'digest' ? store.announcements.list(project.id) : Promise.resolve([]),
      message.kind === 'nps' ? store.prompts.get(project.id, message.surveyId) : Promise.resolve(null),
    ]);
    const since = Math.max(candidate.lastSeen, now - (message.kind === 'digest' ? message.maxAgeDays : 30) * 86_400_000);
    const email = composeEmail({
      project,
      message,
      sendId: 'preview',
      traits: mergedTraits(candidate),
      announcements: announcements
        .filter((r) => r.announcement.status === 'live' && Date.parse(r.announcement.publishAt ?? '') > since)
        .slice(0, 10),
      survey: survey?.prompt.kind === 'survey' ? survey.prompt : null,
      baseUrl: deps.baseUrl,
      now,
    });
    return {
      subject: email.subject,
      html: email.html,
      text: email.text,
      wouldNotSend: project.email ? await whyNot(store, project, message, candidate, new Date(now)) : ['the project has no email settings'],
    };
  }

  /** Sends the preview to `to` (not to the user), outside the queue and its KPIs. */
  async function testSend(project: ProjectConfig, message: EmailMessage, userId: string, to: string) {
    if (!deps.transport) throw new EmailUnavailableError('no SMTP relay is configured (email.smtp)');
    const shown = await preview(project, message, userId);
    if (!shown || !project.email) return null;
    return deps.transport.send({
      from: project.email.from,
      to,
      subject: `[test] ${shown.subject}`,
      html: shown.html,
      text: shown.text,
      messageId: `<test-${clock()}-${Math.random().toString(36).slice(2)}@hearth.invalid>`,
      headers: { 'X-Hearth-Message': message.id, 'X-Hearth-Test': '1' },
    });
  }

  return {
    /** Whether a relay is configured: without one, test sends and the queue are refused. */
    canSend: deps.transport !== null,
    seedMessages,
    plan,
    work,
    tick,
    preview,
    testSend,
    async kpis(projectId: string, messageId: string) {
      return emailKpis(messageId, await store.email.kpiRows(projectId, messageId));
    },
    async click(token: string) {
      const check = await checkLink(linkDeps, token, 'click', clock());
      if (!check.ok) return check;
      await store.email.recordClick(check.project.id, check.send.sendId, clock());
      return { ok: true as const, url: check.link.url };
    },
    unsubscribe: (token: string) => unsubscribe(linkDeps, token, clock()),
    checkUnsubscribe: (token: string) => checkLink(linkDeps, token, 'unsubscribe', clock()),
    answerNps: (token: string, comment?: string) => answerNps(linkDeps, token, clock(), comment),
    bounce: (project: ProjectConfig, body: Parameters<typeof recordBounce>[2]) => recordBounce(store, project, body, clock()),
    parseMessage: (input: unknown) => emailMessageSchema.safeParse(input),
  };
}

export type EmailService = ReturnType<typeof createEmailService>;
