import { Hono } from 'hono';
import type { Store } from '../../storage/store.js';

/** `GET /healthz`: liveness plus the write backlog and the KPI rollups' lag, for load balancers and operators. */
export function healthzRoutes(store: Store) {
  return new Hono().get('/healthz', (c) =>
    c.json({ ok: true, store: store.kind, pendingEvents: store.pendingEvents(), rollups: store.kpi.rollupStatus() }),
  );
}
