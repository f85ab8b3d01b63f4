import { Hono } from 'hono';
import type { Store } from '../../storage/store.js';

/**
 * `GET /healthz`: liveness plus the write backlog and the KPI rollups' lag, for operators; it
 * answers 200 as long as the process serves. `GET /readyz`: whether this instance should get
 * traffic: 503 with the reason while the database is unreachable, another collector is applying
 * migrations, or the SQLite KPI reader process is starting (load balancers route on this one).
 */
export function healthzRoutes(store: Store) {
  return new Hono()
    .get('/healthz', (c) =>
      c.json({ ok: true, store: store.kind, pendingEvents: store.pendingEvents(), rollups: store.kpi.rollupStatus() }),
    )
    .get('/readyz', async (c) => {
      const reason = await store.readiness();
      return c.json({ ready: reason === null, store: store.kind, reason }, reason === null ? 200 : 503);
    });
}
