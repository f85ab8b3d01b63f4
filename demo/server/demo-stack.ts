import { startCollector, type RunningCollector } from '@hearth/collector';
import type { ProjectConfig } from '@hearth/schema';
import { demoCollectorConfig, loadDemoProject } from './demo-project.js';
import { startDemoServer, type DemoServer } from './demo-server.js';
import { freePort } from './free-port.js';
import { startMailbox, type Mailbox } from './mailbox.js';
import { seedDemoEmail } from './seed-email.js';
import { demoPaths } from './paths.js';
import { seedDemoAnnouncements } from './seed-announcements.js';
import { seedDemoData, type SeedSummary } from './seed.js';

export type DemoStackOptions = {
  /** Embedded SQLite file, unless `databaseUrl` (PostgreSQL) is given. */
  sqliteFile: string;
  databaseUrl?: string;
  host: string;
  collectorPort: number;
  /** Must be a real port (not 0): the collector's webhooks and referral links point at the demo app. */
  demoPort: number;
  now?: Date;
};

export type DemoStack = {
  collector: RunningCollector;
  demo: DemoServer;
  /** The local SMTP catcher the collector's lifecycle email goes to (the demo's Mailbox page). */
  mailbox: Mailbox;
  project: ProjectConfig;
  seeded: SeedSummary;
  /** Announcements published by this start (0 when they already existed). */
  announcements: number;
  close(): Promise<void>;
};

/**
 * What `pnpm start` runs, also used by `pnpm docs:screenshots` and the seeding tests: the collector
 * with the demo configuration, the demo app, then the demo history and announcements. The demo app
 * starts before seeding, since seeded redemptions call its fulfilment webhook.
 */
export async function startDemoStack(options: DemoStackOptions): Promise<DemoStack> {
  const { project, secret } = loadDemoProject();
  // The rewards webhook and referral links point at the demo app wherever it listens.
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const mailbox = await startMailbox();
  // Links in emails are absolute, so the collector must know its own address before it starts.
  const collectorPort = options.collectorPort || (await freePort(shownHost));
  const config = demoCollectorConfig(`http://${shownHost}:${options.demoPort}`);
  const collector = await startCollector({
    config: {
      ...config,
      publicUrl: `http://${shownHost}:${collectorPort}/`,
      email: { smtp: { host: '127.0.0.1', port: mailbox.port }, tickSeconds: 5 },
    },
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { sqliteFile: options.sqliteFile }),
    port: collectorPort,
    host: options.host,
    widgetDir: demoPaths.widgetDist,
  });
  let demo: DemoServer | undefined;
  try {
    demo = await startDemoServer({
      port: options.demoPort,
      host: options.host,
      collectorUrl: collector.url,
      projectKey: project.publicKey,
      secret,
      mailbox,
    });
    const now = options.now ?? new Date();
    const announcements = await seedDemoAnnouncements({ collectorUrl: collector.url, secret, now });
    const seeded = await seedDemoData({ collectorUrl: collector.url, project, secret, store: collector.store, now });
    await seedDemoEmail({ collectorUrl: collector.url, project, secret, now });
    const running = demo;
    return {
      collector,
      demo: running,
      mailbox,
      project,
      seeded,
      announcements,
      close: async () => {
        await running.close();
        await collector.close();
        await mailbox.close();
      },
    };
  } catch (error) {
    await demo?.close();
    await collector.close();
    await mailbox.close();
    throw error;
  }
}
