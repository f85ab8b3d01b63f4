import { kpiInstantSchema, toCsv } from '@hearth/schema';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AuditLog } from '../../services/audit-log.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { parseValue } from '../json-body.js';
import { secretKey } from '../middleware/secret-key.js';

/** The CSV export holds at most this many entries (the newest). */
const CSV_LIMIT = 50_000;

export const auditQuerySchema = z.object({
  from: kpiInstantSchema.optional(),
  to: kpiInstantSchema.optional(),
  before: z.string().regex(/^\d+$/, 'before must be an entry id').optional(),
  limit: z.coerce.number().int('limit must be a whole number').min(1).max(500, 'limit is at most 500').default(100),
});

const INVALID = { code: 'invalid_query', message: 'The audit query is not valid; see issues.' };

/**
 * `GET /v1/admin/audit`: the project's audit log (and the collector-wide sign-ins), newest first,
 * one page at a time (`before` = the last id seen); `GET /v1/admin/audit.csv`: the same as CSV.
 * Owners (or a secret key) only.
 */
export function adminAuditRoutes({ audit, projects }: { audit: AuditLog; projects: ProjectRegistry }) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/audit', secretKey(projects));
  app.use('/v1/admin/audit.csv', secretKey(projects));
  const read = (query: Record<string, string>) => {
    const q = parseValue(query, auditQuerySchema, INVALID);
    return {
      limit: q.limit,
      ...(q.from ? { from: Date.parse(q.from) } : {}),
      ...(q.to ? { to: Date.parse(q.to) } : {}),
      ...(q.before ? { before: q.before } : {}),
    };
  };

  app.get('/v1/admin/audit', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ entries: await audit.list(c.var.project.id, read(c.req.query())) });
  });
  app.get('/v1/admin/audit.csv', async (c) => {
    const entries = await audit.list(c.var.project.id, { ...read(c.req.query()), limit: CSV_LIMIT });
    const rows = entries.map((e) => [e.at, e.actor, e.action, e.target, e.version, e.projectId]);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${c.var.project.id}-audit-log.csv"`);
    c.header('Cache-Control', 'no-store');
    return c.body(toCsv(['at', 'actor', 'action', 'target', 'version', 'project'], rows));
  });
  return app;
}
