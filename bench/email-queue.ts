/**
 * Lifecycle email: how many messages per second the send queue hands to a local SMTP server
 * (`smtp-server` in this process, every message parsed by `mailparser`), on the embedded store.
 * Each send is claimed, checked again (consent, unsubscribes, quiet hours, daily cap, the fatigue
 * budget), rendered with its signed links and sent over a pooled SMTP connection.
 *
 *   npx tsx bench/email-queue.ts [messages=500]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollectorApp } from '../packages/collector/src/app.js';
import { parseConfig } from '../packages/collector/src/config.js';
import { openStore } from '../packages/collector/src/index.js';
import { smtpTransport } from '../packages/collector/src/services/email/smtp-transport.js';
import { newEvent } from '../packages/collector/src/test-support/events.js';
import { startSmtpCatcher } from '../packages/collector/src/test-support/smtp-catcher.js';

const count = Number(process.argv[2] ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'hearth-email-bench-'));
const store = await openStore({ sqliteFile: join(dir, 'bench.sqlite') });
const catcher = await startSmtpCatcher();
const transport = smtpTransport(catcher.smtp);
const now = Date.now();
const config = parseConfig({
  publicUrl: 'https://hearth.acme.test/',
  projects: [
    {
      id: 'bench',
      name: 'Bench',
      publicKey: 'pk_bench_public',
      secretKeys: ['sk_bench_secret_0123456789'],
      email: { from: 'Acme <news@acme.test>', quietHours: { start: 0, end: 0 }, dailyCap: 10_000_000, holdoutPercent: 0 },
    },
  ],
});
const project = config.projects[0]!;
const { email } = createCollectorApp({ store, config, clock: Date.now, emailTransport: transport, log: () => undefined });
await store.email.saveMessage(
  project.id,
  {
    id: 'nudge',
    kind: 'onboarding',
    status: 'live',
    event: 'project_created',
    withinDays: 7,
    defaultLocale: 'en',
    translations: {},
    appUrl: 'https://app.acme.test/',
    ctaUrl: '/start',
    content: {
      subject: 'Create your first project, {{user.name}}',
      body: 'It takes **a minute**. [Read the guide](https://acme.test/guide)',
      ctaLabel: 'Start',
    },
  },
  0,
  now,
);
for (let i = 0; i < count; i += 1) {
  const userId = `bench-${i}`;
  await store.writeEvents([
    newEvent({
      projectId: project.id,
      userId,
      anonymousId: `anon-${i}`,
      verified: true,
      timestamp: now - 10 * 86_400_000,
      receivedAt: now,
      traits: { name: `User ${i}` },
      type: 'identify',
      name: null,
    }),
  ]);
  await store.users.setTrustedTraits(project.id, userId, { email: `${userId}@people.test`, emailConsent: true }, now);
}
await email.plan(project);
const started = performance.now();
const result = await email.work(project, count);
const seconds = (performance.now() - started) / 1000;
console.log(
  `email queue → local SMTP: ${result.sent} sent of ${count} in ${seconds.toFixed(2)} s = ${(result.sent / seconds).toFixed(0)} messages/s ` +
    `(${catcher.messages.length} received; SQLite, one worker, pooled SMTP)`,
);
transport.close();
await catcher.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
