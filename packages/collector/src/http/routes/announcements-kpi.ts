import { kpiInstantSchema } from '@hearth/schema';
import { Hono } from 'hono';
import { z } from 'zod';
import { announcementAudienceEventNames, announcementKpiUsers } from '../../kpi/announcement-rows.js';
import { announcementKpis } from '../../kpi/announcement.js';
import type { AnnouncementStore } from '../../storage/announcements/announcement-store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { parseValue } from '../json-body.js';
import { echoedSegment, querySegment, segmentShape } from '../kpi-query.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AnnouncementKpiDeps {
  announcements: AnnouncementStore;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
}

export const kpiQuerySchema = z.object({
  /** Exclusive end of the observed range; default now. The range starts at publication. */
  to: kpiInstantSchema.optional(),
  adoptionDays: z.coerce.number().int().min(1, 'adoptionDays must be 1–365').max(365, 'adoptionDays must be 1–365').default(14),
  ...segmentShape,
});

/**
 * `GET /v1/admin/announcements/:id/kpis[?to=…&adoptionDays=14][&segment=…|&trait=key:value]`: reach,
 * read rate, CTA click rate, reactions and adoption after announcement (kpi/announcement.ts). The
 * control group comes from every identified user first seen before `to` who is in the
 * announcement's audience at `to`. A segment (the KPIs' one segment filter, judged at `to`) keeps
 * its users on both sides: exposed and control.
 */
export function announcementKpiRoutes({ announcements, projects, clock }: AnnouncementKpiDeps) {
  const app = new Hono<AppEnv>();
  app.use('/v1/admin/announcements/:id/kpis', secretKey(projects));
  app.get('/v1/admin/announcements/:id/kpis', async (c) => {
    const project = c.var.project;
    const query = parseValue(c.req.query(), kpiQuerySchema, { code: 'invalid_query', message: 'The KPI query is not valid; see issues.' });
    const record = await announcements.get(project.id, c.req.param('id'));
    if (!record) throw new HttpError(404, 'announcement_not_found', `No announcement "${c.req.param('id')}" in project ${project.id}.`);
    const { announcement } = record;
    if (!announcement.publishAt) throw new HttpError(400, 'not_published', `Announcement "${announcement.id}" has not been published.`);
    const to = query.to ? new Date(query.to) : new Date(clock());
    // The range starts at publication; a segment is judged at its end.
    const segment = querySegment(project, { ...query, range: { to } });
    const [rows, own, audience] = await Promise.all([
      announcements.kpiUsers(project.id, to, announcement.featureEvent, segment),
      announcements.kpiAnnouncementEvents(project.id, announcement.id, to, segment),
      announcements.kpiEvents(project.id, announcementAudienceEventNames(announcement), to, segment),
    ]);
    const users = announcementKpiUsers(announcement, rows, { own, audience }, to);
    const kpis = announcementKpis(users, {
      publishedAt: Date.parse(announcement.publishAt),
      to: to.getTime(),
      adoptionDays: query.adoptionDays,
      hasFeatureEvent: !!announcement.featureEvent,
    });
    return c.json({ announcementId: announcement.id, to: to.toISOString(), segment: echoedSegment(query), ...kpis });
  });
  return app;
}
