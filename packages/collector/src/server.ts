import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type HttpBindings } from '@hono/node-server';
import type { CollectorConfigInput } from '@hearth/schema';
import { createCollectorApp } from './app.js';
import { envSettings, loadConfig, parseConfig } from './config.js';
import { enforcementOptOutWarnings } from './domain/settings/enforcement-warnings.js';
import { eventLoopDelay } from './event-loop-delay.js';
import { clientAddressResolver } from './net/client-address.js';
import { seedPrompts } from './seed-prompts.js';
import { startEventExpiry } from './services/event-expiry.js';
import { answerClientErrors, DEFAULT_HTTP_TIMEOUTS, httpServerOptions, type HttpTimeouts } from './server-limits.js';
import { openStore } from './storage/open-store.js';
import type { Store } from './storage/store.js';

export interface StartOptions {
  config?: CollectorConfigInput;
  configPath?: string;
  databaseUrl?: string;
  sqliteFile?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  widgetDir?: string;
  /** Epoch ms; default `Date.now`. End-to-end tests move it forward (snooze and re-ask periods). */
  clock?: () => number;
  /** Where start-up warnings go; default `console.warn`. */
  warn?: (message: string) => void;
  /** Slow-client deadlines; default {@link DEFAULT_HTTP_TIMEOUTS}. */
  timeouts?: Partial<HttpTimeouts>;
}

export interface RunningCollector {
  url: string;
  port: number;
  store: Store;
  /** Stops accepting, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/** The installed @hearth/widget's build: the collector serves the SDK of its own release. */
const DEFAULT_WIDGET_DIR = join(dirname(createRequire(import.meta.url).resolve('@hearth/widget/package.json')), 'dist');
/** The console as packaged in dist/admin (scripts/copy-admin-console.js), else the workspace's build. */
const DEFAULT_ADMIN_DIR = [new URL('admin', import.meta.url), new URL('../../admin/dist', import.meta.url)]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(dir));
/** How long shutdown waits for in-flight requests before cutting connections. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * The one place that touches node:http. Explicit options win over env vars (`PORT`, `HOST`,
 * `DATABASE_URL`, `HEARTH_CONFIG`, `HEARTH_SQLITE_FILE`), which win over defaults.
 */
export async function startCollector(options: StartOptions = {}): Promise<RunningCollector> {
  const env = envSettings();
  const config = options.config ? parseConfig(options.config) : loadConfig(options.configPath ?? env.configPath ?? 'hearth.config.json');
  for (const warning of enforcementOptOutWarnings(config.projects)) (options.warn ?? console.warn)(warning);
  for (const project of config.projects) {
    if (project.allowPrivateWebhookTargets) {
      console.warn(
        `hearth-collector: project ${project.id} allows webhooks to private addresses (allowPrivateWebhookTargets): its webhook URLs may reach this host and its network`,
      );
    }
  }
  const store = await openStore(storeOptions(options, env));
  try {
    await seedPrompts(store, config, (options.clock ?? Date.now)());
  } catch (error) {
    await store.close();
    throw error;
  }
  const clientAddress = clientAddressResolver(config.trustedProxy);
  const loopDelay = eventLoopDelay();
  const widgetDir = options.widgetDir ?? (existsSync(DEFAULT_WIDGET_DIR) ? DEFAULT_WIDGET_DIR : undefined);
  const { app, worker, email, projects } = createCollectorApp({
    store,
    config,
    ...(widgetDir ? { widgetDir } : {}),
    ...(DEFAULT_ADMIN_DIR ? { adminDir: DEFAULT_ADMIN_DIR } : {}),
    clientAddress: (c) =>
      clientAddress((c.env as HttpBindings).incoming.socket.remoteAddress ?? 'unknown', c.req.header('x-forwarded-for')),
    ...(options.clock ? { clock: options.clock } : {}),
    eventLoopDelayMs: loopDelay.current,
  });

  const host = options.host ?? env.host ?? '127.0.0.1';
  const { server, address } = await new Promise<{ server: ReturnType<typeof serve>; address: AddressInfo }>((resolve, reject) => {
    const serverOptions = httpServerOptions({ ...DEFAULT_HTTP_TIMEOUTS, ...options.timeouts });
    const server = serve({ fetch: app.fetch, port: options.port ?? env.port ?? 8787, hostname: host, serverOptions }, (address) =>
      resolve({ server, address }),
    );
    answerClientErrors(server as Server);
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    loopDelay.stop();
    await store.close();
    throw error;
  });
  // Lifecycle email's messages from the file, before its first scheduled round can plan them.
  await email.seedMessages().catch((error: unknown) => console.error('hearth-collector: seeding email messages failed', error));
  // Jobs left by a previous run or another instance (pending retries, expired claims) start now.
  worker.start();

  // Read from the registry at each pass: the console's settings apply without a restart.
  const expiry = startEventExpiry(store, () => projects.all(), options.clock ?? Date.now);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      // The jobs in flight finish (a webhook attempt takes at most its 10 s timeout) while the
      // HTTP requests drain; jobs not yet claimed stay in the store for the next instance.
      const jobsStopped = worker.stop();
      await new Promise<void>((resolve) => {
        const http = server as Server;
        const force = setTimeout(() => http.closeAllConnections(), DRAIN_TIMEOUT_MS);
        // Keep-alive sockets would hold close() open until they time out: close each as soon as
        // it is idle; busy ones finish their request first.
        const sweep = setInterval(() => http.closeIdleConnections(), 50);
        http.close(() => {
          clearTimeout(force);
          clearInterval(sweep);
          resolve();
        });
        http.closeIdleConnections();
      });
      await jobsStopped;
      loopDelay.stop();
      await expiry.stop();
      await store.close();
    })());

  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${urlHost}:${address.port}`, port: address.port, store, close };
}

function storeOptions(options: StartOptions, env: ReturnType<typeof envSettings>) {
  const databaseUrl = options.databaseUrl ?? env.databaseUrl;
  if (databaseUrl) return { databaseUrl };
  // Started with the store: the first dashboard request must not wait for a process to start.
  return { sqliteFile: options.sqliteFile ?? env.sqliteFile ?? '.hearth/hearth.sqlite', startKpiReader: true };
}
