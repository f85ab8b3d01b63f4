import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector } from '../../packages/collector/src/index.js';
import { loadDemoProject } from '../../demo/server/demo-project.js';
import { startDemoServer } from '../../demo/server/demo-server.js';
import { demoPaths } from '../../demo/server/paths.js';

export interface HostStack {
  /** The demo host app ("Acme Projects"), with the snippet pasted as a customer would. */
  demoUrl: string;
  /** The page measured: the signed-in projects page, where onboarding content is shown. */
  pageUrl: string;
  /** The demo account the measured visitor signs in as. */
  email: string;
  /** Prefix of every Hearth script the page loads (core and lazy chunks). */
  sdkUrl: string;
  /** The collector and the project's secret key, for its admin API (seeding announcements). */
  collectorUrl: string;
  secret: string;
  close(): Promise<void>;
}

/**
 * The collector (fresh SQLite file, loopback, serving the built widget at /sdk) and the demo
 * app, as the e2e tests run them: page impact is measured on a realistic host page.
 */
export async function startHostStack(): Promise<HostStack> {
  const dir = await mkdtemp(join(tmpdir(), 'hearth-bench-page-'));
  const { project, secret } = await loadDemoProject();
  const collector = await startCollector({
    configPath: demoPaths.configFile,
    sqliteFile: join(dir, 'events.sqlite'),
    port: 0,
    host: '127.0.0.1',
    // BENCH_WIDGET_DIR: another build of the widget (A/B runs of two builds back to back).
    widgetDir: process.env.BENCH_WIDGET_DIR ?? demoPaths.widgetDist,
  });
  const demo = await startDemoServer({ port: 0, collectorUrl: collector.url, projectKey: project.publicKey, secret });
  return {
    demoUrl: demo.url,
    pageUrl: `${demo.url}/projects`,
    email: 'ada@acme.test',
    sdkUrl: `${collector.url}/sdk/`,
    collectorUrl: collector.url,
    secret,
    async close() {
      await demo.close();
      await collector.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
