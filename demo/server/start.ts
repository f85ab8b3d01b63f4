import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { startCollector } from '@hearth/collector';
import { DEMO_ADMIN_PASSWORD } from './demo-admin.js';
import { demoCollectorConfig, loadDemoProject } from './demo-project.js';
import { startDemoServer } from './demo-server.js';
import { demoPaths } from './paths.js';
import { seedDemoAnnouncements } from './seed-announcements.js';
import { seedDemoData } from './seed.js';

/**
 * `pnpm start`: the collector on the embedded store with the demo config and data, plus the
 * demo app. Ports and bind address come from the environment so they can dodge busy ports.
 */
const host = process.env.HOST ?? '127.0.0.1';
const collectorPort = Number(process.env.HEARTH_PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 3000);

const { project, secret } = loadDemoProject();
mkdirSync(dirname(demoPaths.sqliteFile), { recursive: true });
// The rewards webhook and referral links point at the demo app wherever it listens.
const demoOrigin = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${demoPort}`;
const collector = await startCollector({
  config: demoCollectorConfig(demoOrigin),
  // Embedded SQLite unless DATABASE_URL points at PostgreSQL.
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { sqliteFile: demoPaths.sqliteFile }),
  port: collectorPort,
  host,
  widgetDir: demoPaths.widgetDist,
});
const seeded = await seedDemoData({
  collectorUrl: collector.url,
  projectKey: project.publicKey,
  secret,
  hasEvents: async (userId) => (await collector.store.listEvents(project.id, { userId })).length > 0,
});
const announcements = await seedDemoAnnouncements({ collectorUrl: collector.url, secret });
const demo = await startDemoServer({ port: demoPort, host, collectorUrl: collector.url, projectKey: project.publicKey, secret });

console.log(`
Hearth is running.
  Demo app (Acme Projects): ${demo.url}   sign in as ada@acme.test or max@acme.test
  Collector:                ${collector.url}   (store: ${process.env.DATABASE_URL ? 'PostgreSQL' : demoPaths.sqliteFile})
  Health:                   ${collector.url}/healthz
  Widget core:              ${collector.url}/sdk/hearth.js
  Admin console:            ${collector.url}/admin/   password: ${DEMO_ADMIN_PASSWORD}
  Demo data: ${seeded.skipped ? 'already seeded' : `${seeded.accepted} events for ${seeded.users} users seeded`}; ${announcements} announcements published
  Changelog:                ${collector.url}/changelog/${project.id}
Press Ctrl+C to stop.
`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the demo app and the collector…`);
  await demo.close();
  await collector.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
