import type { Migration } from '../../migration.js';
import { ANNOUNCEMENT_KEY_NAMES, POSTGRES_ANNOUNCEMENT_KEY } from '../../announcements/announcement-key-sql.js';

/**
 * Announcement KPIs read one announcement's events by id (postgres-announcements.ts `kpiUsers`).
 * Partial, so the write path computes the key only for the four announcement event names.
 */
export const announcementEventsMigration: Migration = {
  version: 10,
  name: 'announcement-events-index',
  sql: `
    CREATE INDEX events_by_announcement ON events (project_id, ${POSTGRES_ANNOUNCEMENT_KEY}, user_id, timestamp) WHERE ${ANNOUNCEMENT_KEY_NAMES};
  `,
};
