import type { CollectorConfig, RewardsConfig } from '@hearth/schema';
import { Hono } from 'hono';
import { createRewardsEngine } from '../../domain/rewards/engine.js';
import { withRewardsIngest } from '../../domain/rewards/ingest.js';
import type { RewardsStore } from '../../storage/rewards-store.js';
import type { Store } from '../../storage/store.js';
import type { AppEnv } from '../app-env.js';
import { rateLimit, type RateLimit } from '../middleware/rate-limit.js';
import { rewardsRoutes } from './rewards.js';
import { createWebhookSender, type WebhookOptions } from './rewards-webhook.js';
import { serverApiRoutes } from './server-api.js';

export interface RewardsSetupOptions {
  store: Store;
  rewards: RewardsStore;
  config: CollectorConfig;
  clock: () => number;
  log?: (message: string, error: unknown) => void;
  /** The fulfilment webhook's backoff and resolver (tests). */
  webhookDelivery?: WebhookOptions['delivery'];
  /** The app's one rate limit for the browser endpoints; default a limiter of their own, one shared client. */
  rateLimit?: RateLimit;
}

/**
 * Everything rewards adds to a collector: the engine, the routes (browser + secret-key server API)
 * and the store to hand the batch route (it applies earning rules after each commit).
 */
export function setupRewards(options: RewardsSetupOptions) {
  const { store, rewards, config, clock, log } = options;
  // Read per call from the live project, so a program changed in the console applies at once.
  const projects = new Map(config.projects.map((project) => [project.id, project]));
  const configFor = (projectId: string): RewardsConfig | undefined => projects.get(projectId)?.rewards;
  const webhook = createWebhookSender({
    target(projectId) {
      const url = configFor(projectId)?.fulfilmentWebhookUrl;
      const project = projects.get(projectId);
      const secret = project?.secretKeys[0];
      return url && secret ? { url, secret, allowPrivate: project.allowPrivateWebhookTargets } : undefined;
    },
    clock,
    log,
    delivery: options.webhookDelivery,
  });
  const engine = createRewardsEngine({ events: store, rewards, configFor, clock, onRedemption: (projectId, redemption) => void webhook(projectId, redemption) });
  const routes = new Hono<AppEnv>()
    .route('/', rewardsRoutes({ engine, store, config, clock, log, rateLimit: options.rateLimit ?? rateLimit({ limits: config.rateLimit, clock, clientAddress: () => 'unknown' }) }))
    // The server API writes events through the undecorated store: it applies the rules itself, as `server`.
    .route('/', serverApiRoutes({ store, rewards, engine, config, configFor, clock, log }));
  return { engine, routes, configFor, ingestStore: withRewardsIngest(store, engine, log) };
}
