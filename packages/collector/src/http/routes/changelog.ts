import type { AnnouncementRecord, CollectorConfig, ProjectConfig } from '@hearth/schema';
import { Hono } from 'hono';
import { isPublishedAt, newestFirst } from '../../domain/announcements/record.js';
import type { AnnouncementStore } from '../../storage/announcements/announcement-store.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { atomFeed, changelogLinks, changelogPage } from './changelog-render.js';

export interface ChangelogDeps {
  announcements: AnnouncementStore;
  config: CollectorConfig;
  /** The projects as they apply now, looked up per request. */
  projects: ProjectRegistry;
  clock: () => number;
}

const MAX_ENTRIES = 50;

/**
 * Public: published announcements marked `public` and without an audience (an audience means
 * "only these users", so those never appear here). Expiry only ends an announcement's time in the
 * in-app feed; the changelog is the product's history and keeps it.
 */
export function publicAnnouncements(records: readonly AnnouncementRecord[], now: Date): AnnouncementRecord[] {
  const live = (r: AnnouncementRecord) => isPublishedAt({ ...r.announcement, expiresAt: undefined }, now);
  return records
    .filter((r) => r.announcement.public && !r.announcement.audience && live(r))
    .sort((a, b) => newestFirst(a.announcement, b.announcement))
    .slice(0, MAX_ENTRIES);
}

/** `GET /changelog/<project>` (HTML) and `GET /changelog/<project>/feed.xml` (Atom). */
export function changelogRoutes({ announcements, projects, config, clock }: ChangelogDeps) {
  const app = new Hono<AppEnv>();
  const project = (id: string): ProjectConfig => {
    const found = projects.get(id);
    if (!found) throw new HttpError(404, 'project_not_found', `No project "${id}" on this collector.`);
    return found;
  };
  const entries = async (p: ProjectConfig) => publicAnnouncements(await announcements.list(p.id), new Date(clock()));
  // A page of our own markup only: no script at all, so the policy can forbid every script.
  const headers = {
    'Content-Security-Policy':
      "default-src 'none'; img-src https: http:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'public, max-age=60',
  };

  app.get('/changelog/:project', async (c) => {
    const p = project(c.req.param('project'));
    return c.body(changelogPage(p, await entries(p), changelogLinks(p.id, config.publicUrl)), 200, {
      ...headers,
      'Content-Type': 'text/html; charset=UTF-8',
    });
  });
  app.get('/changelog/:project/feed.xml', async (c) => {
    const p = project(c.req.param('project'));
    return c.body(atomFeed(p, await entries(p), changelogLinks(p.id, config.publicUrl), new Date(clock())), 200, {
      ...headers,
      'Content-Type': 'application/atom+xml; charset=UTF-8',
    });
  });
  return app;
}
