import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { startCollector } from '@hearth/collector';
import type { CollectorConfigInput } from '@hearth/schema';
import { demoCollectorConfig, loadDemoProject } from '../server/demo-project.js';
import { startDemoServer, type DemoServer } from '../server/demo-server.js';
import { freePort } from '../server/free-port.js';
import { demoPaths } from '../server/paths.js';

type RunningCollector = Awaited<ReturnType<typeof startCollector>>;

export type HearthStack = {
  collector: RunningCollector;
  store: RunningCollector['store'];
  projectId: string;
  demoUrl: string;
  demo: DemoServer;
};

/**
 * One collector (fresh SQLite file in a temp dir, random port, the demo config) and one demo
 * server, run in the test process so specs can read the collector's store directly. Resolves once
 * `use` has finished with them, after both are closed and the temp dir deleted.
 */
export type StackOptions = {
  clock?: () => number;
  /** Puts something (a fault-injecting proxy) between the demo's pages and the collector: returns the URL they use instead. */
  collectorUrlForPages?: (collectorUrl: string) => Promise<string>;
  /** Changes the demo's collector configuration before the collector starts (another project, say). */
  configure?: (config: CollectorConfigInput) => void;
};

export async function withHearthStack(use: (stack: HearthStack) => Promise<void>, options: StackOptions = {}): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hearth-e2e-'));
  const { project, secret } = loadDemoProject();
  const demoPort = await freePort();
  const config = demoCollectorConfig(`http://127.0.0.1:${demoPort}`);
  options.configure?.(config);
  const collector = await startCollector({
    config,
    sqliteFile: join(dir, 'events.sqlite'),
    port: 0,
    host: '127.0.0.1',
    widgetDir: demoPaths.widgetDist,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  try {
    const collectorUrl = options.collectorUrlForPages ? await options.collectorUrlForPages(collector.url) : collector.url;
    const demo = await startDemoServer({
      port: demoPort,
      collectorUrl,
      projectKey: project.publicKey,
      secret,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    try {
      await use({ collector, store: collector.store, projectId: project.id, demoUrl: demo.url, demo });
    } finally {
      await demo.close();
    }
  } finally {
    await collector.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** One stack per worker, shared by the specs that only ever add data (pipeline, sign-out, a11y). */
export const test = base.extend<object, { stack: HearthStack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern here.
    async ({}, use) => withHearthStack(use),
    { scope: 'worker' },
  ],
  baseURL: async ({ stack }, use) => use(stack.demoUrl),
});

export { expect } from '@playwright/test';
