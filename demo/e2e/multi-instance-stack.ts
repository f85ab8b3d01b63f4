import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, spawnCollector } from '../../packages/collector/src/test-support/child-collector.js';
import { scratchDatabase } from '../../packages/collector/src/test-support/postgres-database.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../packages/collector/src/test-support/round-robin-proxy.js';
import { webhookReceiver, type ReceivedWebhook } from '../../packages/collector/src/test-support/webhook-receiver.js';
import { demoCollectorConfig, loadDemoProject } from '../server/demo-project.js';
import { startDemoServer, type DemoServer } from '../server/demo-server.js';
import { freePort } from '../server/free-port.js';

export const COLLECTORS = 3;
/** The secret the test's own survey webhook endpoint is signed with. */
export const SURVEY_HOOK_SECRET = 'whsec_multi_instance_e2e';
/** Seconds the survey receiver asks Hearth to wait after refusing a delivery's first attempt. */
export const REFUSED_RETRY_AFTER_S = 2;

export interface MultiInstanceStack {
  databaseUrl: string;
  projectId: string;
  collectors: { child: ChildProcess; url: string }[];
  proxy: RoundRobinProxy;
  demo: DemoServer;
  /** Every request the survey webhook receiver got, refused first attempts included. */
  surveyHook: { url: string; received: ReceivedWebhook[] };
}

/**
 * Three collectors (`hearth-collector start` processes) on a PostgreSQL database of this test's
 * own, behind a round-robin proxy; the demo app's pages and its backend use the proxy as their
 * collector. Besides the demo backend's endpoints, the project sends every survey response to a
 * receiver here, which refuses each delivery's first attempt (503 with Retry-After), so each one
 * waits in the store for a retry: whichever collector is alive then sends it.
 */
export async function withMultiInstanceStack(use: (stack: MultiInstanceStack) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hearth-e2e-multi-'));
  const database = scratchDatabase('hearth_e2e_multi');
  const hook = await webhookReceiver((request, earlier) =>
    earlier.some((other) => other.headers['hearth-delivery'] === request.headers['hearth-delivery'])
      ? { status: 204 }
      : { status: 503, headers: { 'Retry-After': String(REFUSED_RETRY_AFTER_S) } },
  );
  const collectors: MultiInstanceStack['collectors'] = [];
  try {
    await database.create();
    const { project, secret } = loadDemoProject();
    const demoPort = await freePort();
    const config = demoCollectorConfig(`http://127.0.0.1:${demoPort}`);
    const acme = config.projects.find((candidate) => candidate.id === project.id)!;
    acme.webhooks = [...(acme.webhooks ?? []), { url: hook.url, secrets: [SURVEY_HOOK_SECRET] }];
    const configFile = join(dir, 'hearth.config.json');
    await writeFile(configFile, JSON.stringify(config));
    const started = await Promise.allSettled(
      Array.from({ length: COLLECTORS }, () => spawnCollector(['--config', configFile], { DATABASE_URL: database.url })),
    );
    for (const result of started) if (result.status === 'fulfilled') collectors.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const proxy = await startRoundRobinProxy(collectors.map((collector) => collector.url));
    try {
      const demo = await startDemoServer({ port: demoPort, collectorUrl: proxy.url, projectKey: project.publicKey, secret });
      try {
        await use({ databaseUrl: database.url, projectId: project.id, collectors, proxy, demo, surveyHook: hook });
      } finally {
        await demo.close();
      }
    } finally {
      await proxy.close();
    }
  } finally {
    for (const { child } of collectors) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(collectors.map(({ child }) => exited(child)));
    hook.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}
