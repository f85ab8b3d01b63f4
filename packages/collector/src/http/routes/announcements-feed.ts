import { localeTagSchema } from '@hearth/schema';
import { Hono } from 'hono';
import { z } from 'zod';
import { announcementPage } from '../../domain/announcements/build-state.js';
import { loadAnnouncementContext } from '../../services/announcement-context.js';
import type { AnnouncementStore } from '../../storage/announcements/announcement-store.js';
import type { Store } from '../../storage/store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { revalidatedJson } from '../etag.js';
import { parseValue } from '../json-body.js';
import { projectCors } from '../middleware/cors.js';
import { projectKey } from '../middleware/project-key.js';
import type { RateLimit } from '../middleware/rate-limit.js';
import { resolveCaller } from '../resolve-subject.js';

export interface AnnouncementFeedDeps {
  store: Pick<Store, 'facts' | 'announcements' | 'accounts'>;
  announcements: AnnouncementStore;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
  /** The app's one rate limit, shared with the other public routes. */
  rateLimit: RateLimit;
}

export const feedQuerySchema = z.object({
  key: z.string(),
  anonymousId: z.string({ error: 'anonymousId is required' }).min(1, 'anonymousId is required').max(64),
  userId: z.string().min(1).max(128).optional(),
  userToken: z.string().max(4_096).optional(),
  locale: localeTagSchema.optional(),
  /** `nextCursor` of the previous page. */
  before: z.string().max(100).optional(),
});

/**
 * `GET /v1/announcements?key=…&anonymousId=…[&userId=…&userToken=…&locale=…&before=<cursor>]`:
 * the next feed page after `before` (the first page comes with `/v1/state`), only what this user
 * may see, with read flags. Same identity rules as `/v1/state`.
 */
export function announcementFeedRoutes({ store, announcements, projects, clock, rateLimit }: AnnouncementFeedDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/announcements', projectKey(projects), projectCors(), rateLimit);
  app.get('/v1/announcements', async (c) => {
    const now = clock();
    const project = c.var.project;
    const query = parseValue(c.req.query(), feedQuerySchema, {
      code: 'invalid_query',
      message: 'The announcements request is not valid; see issues.',
    });
    const { subject } = await resolveCaller(project, query, now);
    const records = await announcements.list(project.id);
    const ctx = await loadAnnouncementContext(store, {
      project,
      subject,
      records,
      now: new Date(now),
      locale: query.locale ?? null,
    });
    const { items, nextCursor } = announcementPage(records, ctx, query.before);
    c.header('Access-Control-Expose-Headers', 'ETag');
    return revalidatedJson(c, JSON.stringify({ items, ...(nextCursor ? { nextCursor } : {}) }));
  });
  return app;
}
