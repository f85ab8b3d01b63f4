import type { CollectorConfig, CollectorConfigInput } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { parseConfig } from './config.js';
import type { AppEnv } from './http/app-env.js';
import { errorHandler, notFound } from './http/middleware/error-handler.js';
import { adminKpiRoutes } from './http/routes/admin-kpi.js';
import { adminPromptRoutes } from './http/routes/admin-prompts.js';
import { batchRoutes } from './http/routes/batch.js';
import { healthzRoutes } from './http/routes/healthz.js';
import { sdkAssetRoutes } from './http/routes/sdk-assets.js';
import { stateRoutes } from './http/routes/state.js';
import type { Store } from './storage/store.js';

export interface AppOptions {
  store: Store;
  config: CollectorConfig | CollectorConfigInput;
  /** Epoch milliseconds; tests pass a fake one. */
  clock?: () => number;
  /** Folder served at `/sdk/*` (the widget's `dist`); no SDK routes when absent. */
  widgetDir?: string;
  /** The caller's address for per-client rate limits; the server entry passes the socket's. */
  clientAddress?: (c: Context) => string;
  /** Where unexpected errors are logged. */
  log?: (message: string, error: unknown) => void;
}

/** The collector as a Hono app, without listening: `app.fetch` / `app.request` serve it. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const config = parseConfig(options.config);
  const clock = options.clock ?? Date.now;
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(options.log));
  app.notFound(notFound);
  const deps = { store: options.store, config, clock, clientAddress: options.clientAddress ?? (() => 'unknown') };
  app.route('/', healthzRoutes(options.store));
  app.route('/', batchRoutes(deps));
  app.route('/', stateRoutes(deps));
  app.route('/', adminPromptRoutes(deps));
  app.route('/', adminKpiRoutes(deps));
  if (options.widgetDir) app.route('/', sdkAssetRoutes(options.widgetDir));
  return app;
}
