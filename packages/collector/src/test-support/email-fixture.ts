import type { EmailMessageInput, JsonValue } from '@hearth/schema';
import { createCollectorApp } from '../app.js';
import { parseConfig } from '../config.js';
import { seedPrompts } from '../seed-prompts.js';
import { smtpTransport } from '../services/email/smtp-transport.js';
import type { Store } from '../storage/store.js';
import { newEvent, uniqueProjectId } from './events.js';
import { NOW, ORIGIN, SECRET, pageToken, testConfig } from './http.js';
import type { SmtpCatcher } from './smtp-catcher.js';

export const DAY = 86_400_000;
export const PUBLIC_URL = 'https://hearth.acme.test/';

export const digestMessage = (overrides: Partial<EmailMessageInput> = {}): EmailMessageInput =>
  ({
    id: 'whats-new',
    kind: 'digest',
    status: 'live',
    content: {
      subject: 'What is new at Acme, {{user.name | "friend"}}',
      body: 'Hi {{user.name | "there"}}, here is what shipped while you were away.',
    },
    ...overrides,
  }) as EmailMessageInput;

/**
 * A collector on `store` whose email goes to `catcher` over real SMTP, for a project of its own
 * (tests share one database), with a clock the test moves.
 */
export function emailFixture(
  store: Store,
  catcher: SmtpCatcher,
  options: { messages?: EmailMessageInput[]; project?: Record<string, unknown> } = {},
) {
  const projectId = uniqueProjectId();
  const publicKey = `pk_${projectId.replace(/-/g, '_')}_public`;
  const clock = { now: NOW };
  const transport = smtpTransport(catcher.smtp);
  const config = testConfig(
    {
      id: projectId,
      publicKey,
      email: { from: 'Acme <news@acme.test>', holdoutPercent: 0, messages: options.messages ?? [digestMessage()] },
      ...options.project,
    },
    { publicUrl: PUBLIC_URL },
  );
  const { app, email } = createCollectorApp({
    store,
    clock: () => clock.now,
    log: () => undefined,
    emailTransport: transport,
    config,
  });
  const admin = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    app,
    projectId,
    /** The project as the collector runs it (for calling the planner directly). */
    project: () => parseConfig(config).projects.find((p) => p.id === projectId)!,
    clock,
    email,
    admin,
    /** A user first seen `firstSeenDaysAgo` and last active `lastSeenDaysAgo`, with trusted email + consent unless told otherwise. */
    async user(
      userId: string,
      lastSeenDaysAgo: number,
      options: { traits?: Record<string, JsonValue>; trusted?: Record<string, JsonValue>; firstSeenDaysAgo?: number } = {},
    ) {
      const lastSeen = clock.now - lastSeenDaysAgo * DAY;
      const firstSeen = clock.now - (options.firstSeenDaysAgo ?? lastSeenDaysAgo + 30) * DAY;
      const base = { projectId, userId, anonymousId: `anon-${userId}`, verified: true };
      await store.writeEvents([
        newEvent({
          ...base,
          type: 'identify',
          name: null,
          timestamp: firstSeen,
          receivedAt: firstSeen,
          traits: options.traits ?? { name: userId },
        }),
        newEvent({ ...base, name: 'report_exported', timestamp: lastSeen, receivedAt: lastSeen }),
      ]);
      await store.users.setTrustedTraits(
        projectId,
        userId,
        options.trusted ?? { email: `${userId}@people.test`, emailConsent: true },
        clock.now,
      );
    },
    /** The user does something now (they are back). */
    async activity(userId: string, name = 'report_exported') {
      await store.writeEvents([
        newEvent({ projectId, userId, anonymousId: `anon-${userId}`, verified: true, name, timestamp: clock.now, receivedAt: clock.now }),
      ]);
    },
    /** Publishes an announcement `daysAgo` days before now. */
    async announce(id: string, daysAgo: number, title = `Feature ${id}`) {
      const res = await admin('POST', '/v1/admin/announcements', {
        id,
        status: 'live',
        publishAt: new Date(clock.now - daysAgo * DAY).toISOString(),
        content: { title, body: `All about **${id}**. [Read more](https://acme.test/${id})` },
      });
      if (res.status !== 201) throw new Error(`announce ${id}: ${res.status} ${await res.text()}`);
    },
    /** The prompts the user's widget would get now (`GET /v1/state`, signed in). */
    async stateIds(userId: string): Promise<string[]> {
      const query = new URLSearchParams({ key: publicKey, userId, anonymousId: `anon-${userId}`, userToken: await pageToken(userId) });
      const res = await app.request(`/v1/state?${query}`, { headers: { Origin: ORIGIN } });
      if (res.status !== 200) throw new Error(`state of ${userId}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { prompts: { id: string }[] }).prompts.map((p) => p.id);
    },
    /** Puts the configured prompts (surveys) in the store. */
    seedPrompts: () => seedPrompts(store, parseConfig(config), clock.now),
    /** One round: plan, then send what is due (the configured messages seeded first, as the scheduler does). */
    async tick() {
      await email.seedMessages();
      await email.tick();
    },
    close: () => transport.close(),
  };
}
