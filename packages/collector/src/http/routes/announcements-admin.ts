import { announcementCreateSchema, announcementInputSchema, type Announcement, type AnnouncementRecord } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { published, stamped } from '../../domain/announcements/admin.js';
import { compileAnnouncement, type CompileWarning } from '../../content/compile-announcement.js';
import type { AnnouncementStore } from '../../storage/announcements/announcement-store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { archiveEach } from '../bulk-archive.js';
import { HttpError } from '../http-error.js';
import { parseJsonBody, parseValue } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AnnouncementAdminDeps {
  announcements: AnnouncementStore;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
}

const MAX_BODY_BYTES = 512 * 1024;
const INVALID = { code: 'invalid_announcement', message: 'The announcement is not valid; see issues.' };
export const publishBodySchema = z.object({
  at: z.iso.datetime({ offset: true, error: 'at must be an ISO 8601 date-time with offset' }).optional(),
});

/** The record with what the Markdown parse dropped (`warnings`), and its version as ETag. */
function answer(c: Context, record: AnnouncementRecord, warnings: CompileWarning[], status: 200 | 201 = 200): Response {
  c.header('ETag', `"${record.version}"`);
  return c.json({ ...record, warnings }, status);
}

function expectedVersion(c: Context, current: AnnouncementRecord): number {
  const header = c.req.header('If-Match');
  if (header === undefined) return current.version;
  const version = Number(/^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header)?.[1]);
  if (!Number.isInteger(version)) throw new HttpError(400, 'invalid_if_match', 'If-Match must be an announcement version, e.g. "3".');
  return version;
}

/**
 * `/v1/admin/announcements…`: list, create, read, update, delete, publish (now or scheduled), pause
 * (back to draft), archive (one or several), and preview a draft without saving it. The Markdown is parsed into the allowlisted tree on every save; what could not be kept
 * comes back as `warnings` naming the field and line. Secret key only, never from a browser.
 */
export function announcementAdminRoutes({ announcements, projects, clock }: AnnouncementAdminDeps) {
  const app = new Hono<AppEnv>();
  const body = bodyLimit({ maxBytes: MAX_BODY_BYTES });
  app.use('/v1/admin/announcements', secretKey(projects));
  app.use('/v1/admin/announcements/*', secretKey(projects));

  const load = async (c: Context<AppEnv>): Promise<AnnouncementRecord> => {
    const id = c.req.param('id') ?? '';
    const record = await announcements.get(c.var.project.id, id);
    if (!record) throw new HttpError(404, 'announcement_not_found', `No announcement "${id}" in project ${c.var.project.id}.`);
    return record;
  };
  const save = async (c: Context<AppEnv>, current: AnnouncementRecord, next: Announcement): Promise<Response> => {
    const { texts, warnings } = compileAnnouncement(next);
    const saved = await announcements.replace(c.var.project.id, next, texts, expectedVersion(c, current), clock());
    if (!saved) throw new HttpError(412, 'version_mismatch', `Announcement "${next.id}" changed meanwhile; read it again and retry.`);
    return answer(c, saved, warnings);
  };

  // The editor's live preview: the draft parsed exactly as a save would, before it is ever saved.
  app.post('/v1/admin/announcements/preview', body, async (c) => {
    const announcement = parseJsonBody(c.var.body, announcementInputSchema, INVALID);
    const { texts, warnings } = compileAnnouncement(announcement);
    return c.json({ texts, warnings });
  });

  app.get('/v1/admin/announcements', async (c) => c.json({ announcements: await announcements.list(c.var.project.id) }));

  app.post('/v1/admin/announcements', body, async (c) => {
    const announcement = stamped(parseJsonBody(c.var.body, announcementCreateSchema(clock()), INVALID), clock());
    const { texts, warnings } = compileAnnouncement(announcement);
    const created = await announcements.create(c.var.project.id, announcement, texts, clock());
    if (!created)
      throw new HttpError(
        409,
        'announcement_exists',
        `An announcement "${announcement.id}" already exists; PUT /v1/admin/announcements/${announcement.id} to change it.`,
      );
    return answer(c, created, warnings, 201);
  });

  app.get('/v1/admin/announcements/:id', async (c) => answer(c, await load(c), []));

  app.put('/v1/admin/announcements/:id', body, async (c) => {
    const id = c.req.param('id');
    const input = parseJsonBody(c.var.body, z.record(z.string(), z.unknown()), INVALID);
    if (input.id !== undefined && input.id !== id) {
      throw new HttpError(400, INVALID.code, 'The announcement id cannot change.', [
        { path: 'id', message: `must be "${id}" (the id in the URL)` },
      ]);
    }
    const current = await load(c);
    // Without `status`/`publishAt` in the body, an edit keeps them: fixing a typo must not unpublish.
    const { status, publishAt } = current.announcement;
    const next = parseValue({ status, ...(publishAt ? { publishAt } : {}), ...input, id }, announcementInputSchema, INVALID);
    return save(c, current, stamped(next, clock()));
  });

  app.delete('/v1/admin/announcements/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await announcements.remove(c.var.project.id, id)))
      throw new HttpError(404, 'announcement_not_found', `No announcement "${id}" in project ${c.var.project.id}.`);
    return c.body(null, 204);
  });

  app.post('/v1/admin/announcements/:id/publish', body, async (c) => {
    const { at } = c.var.body.trim() ? parseJsonBody(c.var.body, publishBodySchema, INVALID) : {};
    const current = await load(c);
    const next = parseValue(published(current.announcement, clock(), at), announcementInputSchema, INVALID);
    return save(c, current, next);
  });

  app.post('/v1/admin/announcements/:id/archive', async (c) => {
    const current = await load(c);
    return save(c, current, { ...current.announcement, status: 'archived' });
  });

  // Back to draft: out of the feed until published again (publishing again sets a new publishAt).
  app.post('/v1/admin/announcements/:id/pause', async (c) => {
    const current = await load(c);
    return save(c, current, { ...current.announcement, status: 'draft' });
  });

  app.post('/v1/admin/announcements/archive', body, async (c) => {
    const project = c.var.project.id;
    return c.json(
      await archiveEach(c.var.body, {
        noun: 'Announcement',
        get: (id) => announcements.get(project, id),
        isArchived: (record) => record.announcement.status === 'archived',
        archive: async (record) => {
          const next = { ...record.announcement, status: 'archived' as const };
          return Boolean(await announcements.replace(project, next, compileAnnouncement(next).texts, record.version, clock()));
        },
      }),
    );
  });

  return app;
}
