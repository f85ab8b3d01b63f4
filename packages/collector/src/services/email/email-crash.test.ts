import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { announcementInputSchema } from '@hearth/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileAnnouncement } from '../../content/compile-announcement.js';
import { openPostgresStore } from '../../storage/postgres/postgres-store.js';
import { openSqliteStore } from '../../storage/sqlite/sqlite-store.js';
import type { Store } from '../../storage/store.js';
import { exited, spawnCollector } from '../../test-support/child-collector.js';
import { newEvent } from '../../test-support/events.js';
import { testConfig } from '../../test-support/http.js';
import { scratchDatabase } from '../../test-support/postgres-database.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../test-support/smtp-catcher.js';
import { digestMessage } from '../../test-support/email-fixture.js';

const USERS = 12;
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'hearth-email-crash-'));
const scratch = scratchDatabase('hearth_email_crash');
let catcher: SmtpCatcher;
beforeAll(async () => {
  await scratch.create();
  catcher = await startSmtpCatcher();
});
afterAll(async () => {
  await catcher.close();
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** USERS inactive for 40 days with consent, and one announcement since: each is owed one digest. */
async function seed(store: Store, projectId: string) {
  const now = Date.now();
  for (let i = 0; i < USERS; i += 1) {
    const userId = `crash-${i}`;
    const at = now - 40 * DAY;
    await store.writeEvents([
      newEvent({ projectId, userId, anonymousId: `anon-${userId}`, verified: true, timestamp: at, receivedAt: at }),
    ]);
    await store.users.setTrustedTraits(projectId, userId, { email: `${userId}@people.test`, emailConsent: true }, now);
  }
  const announcement = announcementInputSchema.parse({
    id: 'shipped',
    status: 'live',
    publishAt: new Date(now - 5 * DAY).toISOString(),
    content: { title: 'Shipped while you were away' },
  });
  await store.announcements.create(projectId, announcement, compileAnnouncement(announcement).texts, now);
  await store.close();
}

describe.each([
  { name: 'sqlite', open: () => openSqliteStore(join(dir, 'crash.sqlite')), args: ['--sqlite', join(dir, 'crash.sqlite')], env: {} },
  {
    name: 'postgres',
    open: () => openPostgresStore(scratch.url),
    args: [],
    get env() {
      return { DATABASE_URL: scratch.url };
    },
  },
])('email queue under kill -9 ($name)', (kind) => {
  it("a collector killed between a claim and the relay's answer sends no message twice and loses none", async () => {
    const projectId = `crash-${kind.name}`;
    const configPath = join(dir, `${kind.name}.config.json`);
    writeFileSync(
      configPath,
      JSON.stringify(
        testConfig(
          {
            id: projectId,
            publicKey: `pk_crash_${kind.name}_public`,
            email: { from: 'Acme <news@acme.test>', holdoutPercent: 0, quietHours: { start: 0, end: 0 }, messages: [digestMessage()] },
          },
          { publicUrl: 'https://hearth.acme.test/', email: { smtp: catcher.smtp, tickSeconds: 1, claimLeaseSeconds: 2 } },
        ),
      ),
    );
    await seed(await kind.open(), projectId);
    const mine = () =>
      catcher.messages.filter(
        (m) =>
          String(m.subject).startsWith('What is new') &&
          m.headers.get('x-hearth-message') === 'whats-new' &&
          (m.to as { text: string }).text.startsWith('crash-'),
      );
    const before = mine().length;

    // The fourth message is held inside its SMTP transaction; the collector dies there.
    const held = catcher.holdNext();
    const first = await spawnCollector(['--config', configPath, ...kind.args], kind.env);
    const stuck = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`no message reached the relay:\n${first.output()}`)), 20_000),
    );
    await Promise.race([held.reached, stuck, exited(first.child).then(() => Promise.reject(new Error(first.output())))]);
    first.child.kill('SIGKILL');
    await exited(first.child);
    held.decide('drop');
    const sentBeforeCrash = mine().length - before;
    expect(sentBeforeCrash).toBeLessThan(USERS);

    const second = await spawnCollector(['--config', configPath, ...kind.args], kind.env);
    const deadline = Date.now() + 30_000;
    while (mine().length - before < USERS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // A little longer: a second copy of anything would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    second.child.kill('SIGTERM');
    await exited(second.child);

    const recipients = mine()
      .slice(before)
      .map((m) => (m.to as { text: string }).text)
      .sort();
    expect(recipients).toEqual(Array.from({ length: USERS }, (_, i) => `crash-${i}@people.test`).sort());
  }, 60_000);
});
