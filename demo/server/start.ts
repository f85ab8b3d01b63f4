import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEMO_ADMIN_PASSWORD } from './demo-admin.js';
import { startDemoStack } from './demo-stack.js';
import { demoPaths } from './paths.js';

/**
 * `pnpm start`: the collector on the embedded store with the demo config and data, plus the
 * demo app. Ports and bind address come from the environment so they can dodge busy ports.
 */
const host = process.env.HOST ?? '127.0.0.1';
const databaseUrl = process.env.DATABASE_URL;
mkdirSync(dirname(demoPaths.sqliteFile), { recursive: true });
const started = Date.now();
const { collector, demo, mailbox, project, seeded, announcements, close } = await startDemoStack({
  sqliteFile: demoPaths.sqliteFile,
  // Embedded SQLite unless DATABASE_URL points at PostgreSQL.
  ...(databaseUrl ? { databaseUrl } : {}),
  host,
  collectorPort: Number(process.env.HEARTH_PORT ?? 8787),
  demoPort: Number(process.env.DEMO_PORT ?? 3000),
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);

console.log(`
Hearth is running.
  Demo app (Acme Projects): ${demo.url}   sign in as ada@acme.test or max@acme.test
  Collector:                ${collector.url}   (store: ${databaseUrl ? 'PostgreSQL' : demoPaths.sqliteFile})
  Health:                   ${collector.url}/healthz
  Widget core:              ${collector.url}/sdk/hearth.js
  Admin console:            ${collector.url}/admin/   password: ${DEMO_ADMIN_PASSWORD}
  Demo data: ${seeded.skipped ? 'already seeded' : `90 days of history for ${seeded.users} users seeded (${seeded.accepted} events, ${seeded.responses} NPS answers, ${seeded.redemptions} redemptions) in ${seconds} s`}; ${announcements} announcements published
  Changelog:                ${collector.url}/changelog/${project.id}
  Mailbox:                  ${demo.url}/mailbox   (lifecycle email caught by a local SMTP server on port ${mailbox.port})
Press Ctrl+C to stop.
`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the demo app and the collector…`);
  await close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
