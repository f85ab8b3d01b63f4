import { startCollector, type RunningCollector } from '@hearth/collector';
import type { ProjectConfig } from '@hearth/schema';
import { demoCollectorConfig, loadDemoProject } from './demo-project.js';
import { startDemoServer, type DemoServer } from './demo-server.js';
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
  const collector = await startCollector({
    config: demoCollectorConfig(`http://${shownHost}:${options.demoPort}`),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { sqliteFile: options.sqliteFile }),
    port: options.collectorPort,
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
    });
    const now = options.now ?? new Date();
    const announcements = await seedDemoAnnouncements({ collectorUrl: collector.url, secret, now });
    const seeded = await seedDemoData({ collectorUrl: collector.url, project, secret, store: collector.store, now });
    const running = demo;
    return {
      collector,
      demo: running,
      project,
      seeded,
      announcements,
      close: async () => {
        await running.close();
        await collector.close();
      },
    };
  } catch (error) {
    await demo?.close();
    await collector.close();
    throw error;
  }
}
