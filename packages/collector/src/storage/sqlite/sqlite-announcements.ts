import { ANNOUNCEMENT_EVENTS, type JsonValue } from '@hearth/schema';
import type { Database } from 'better-sqlite3';
import { ACTIVITY_EVENT_NAMES } from '../../domain/announcements/activity.js';
import { ANNOUNCEMENT_KEY_NAMES, SQLITE_ANNOUNCEMENT_KEY } from '../announcements/announcement-key-sql.js';
import {
  ANNOUNCEMENT_COLUMNS,
  announcementParams,
  toActivityEvent,
  toAnnouncementRecord,
  type ActivityRow,
  type AnnouncementRow,
} from '../announcements/announcement-rows.js';
import type { AnnouncementStore } from '../announcements/announcement-store.js';
import { sqliteKpiRows, type KpiRows } from './sqlite-kpi-rows.js';

const NAMES = ACTIVITY_EVENT_NAMES.map(() => '?').join(', ');

type KpiEventRow = ActivityRow & { user_id: string };
type KpiUserRow = { user_id: string; traits: string; first_seen: number; last_seen: number; feature_first_at: number | null };

/** Users first seen before `to`; the feature's first time is one seek per user in events_by_user_name_time. */
const kpiUsersSql = (feature: boolean) => `
  SELECT user_id, traits, first_seen, last_seen,
    ${feature ? '(SELECT MIN(e.timestamp) FROM events e WHERE e.project_id = u.project_id AND e.user_id = u.user_id AND e.name = @feature AND e.timestamp < @to)' : 'NULL'} AS feature_first_at
  FROM users u WHERE u.project_id = @projectId AND u.first_seen < @to`;

/**
 * One announcement's keyed events through events_by_announcement (migration 010), then its digests
 * by name. INDEXED BY because, without statistics (the collector never runs ANALYZE), the planner
 * prefers scanning the project's whole primary-key range: 160 ms instead of 10 ms at 280k events.
 */
const KPI_ANNOUNCEMENT_EVENTS = `
  SELECT user_id, name, timestamp, properties FROM events INDEXED BY events_by_announcement
  WHERE project_id = @projectId AND ${SQLITE_ANNOUNCEMENT_KEY} = @id AND ${ANNOUNCEMENT_KEY_NAMES} AND user_id IS NOT NULL AND timestamp < @to
  UNION ALL
  SELECT user_id, name, timestamp, properties FROM events
  WHERE project_id = @projectId AND name = @digest AND user_id IS NOT NULL AND timestamp < @to
    AND json_type(properties, '$.announcementIds') = 'array'
    AND EXISTS (SELECT 1 FROM json_each(properties, '$.announcementIds') WHERE type = 'text' AND value = @id)`;

/** The KPI reads (`kpi*`) go through `kpiRows`: the reader process on a file store. */
export function sqliteAnnouncementStore(db: Database, kpiRows: KpiRows = sqliteKpiRows(db, null)): AnnouncementStore {
  const list = db.prepare<[string], AnnouncementRow>(
    `SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements WHERE project_id = ? ORDER BY publish_at IS NULL, publish_at DESC, announcement_id`,
  );
  const get = db.prepare<[string, string], AnnouncementRow>(`SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements WHERE project_id = ? AND announcement_id = ?`);
  const create = db.prepare<Record<string, unknown>, AnnouncementRow>(`
    INSERT INTO announcements (project_id, announcement_id, status, publish_at, version, source, texts, created_at, updated_at)
    VALUES (@projectId, @id, @status, @publishAt, 1, @source, @texts, @at, @at)
    ON CONFLICT (project_id, announcement_id) DO NOTHING
    RETURNING ${ANNOUNCEMENT_COLUMNS}`);
  const replace = db.prepare<Record<string, unknown>, AnnouncementRow>(`
    UPDATE announcements SET status = @status, publish_at = @publishAt, source = @source, texts = @texts,
      version = version + 1, updated_at = @at
    WHERE project_id = @projectId AND announcement_id = @id AND version = @expectedVersion
    RETURNING ${ANNOUNCEMENT_COLUMNS}`);
  const remove = db.prepare<[string, string]>('DELETE FROM announcements WHERE project_id = ? AND announcement_id = ?');
  const byUser = db.prepare<unknown[], ActivityRow>(
    `SELECT name, timestamp, properties FROM events WHERE project_id = ? AND user_id = ? AND name IN (${NAMES})`,
  );
  const byAnonymous = db.prepare<unknown[], ActivityRow>(
    `SELECT name, timestamp, properties FROM events WHERE project_id = ? AND anonymous_id = ? AND user_id IS NULL AND name IN (${NAMES})`,
  );
  const record = (row: AnnouncementRow | undefined) => (row ? toAnnouncementRecord(row) : null);
  const kpiEvent = (row: KpiEventRow) => ({ userId: row.user_id, ...toActivityEvent(row), at: Number(row.timestamp) });

  return {
    list: async (projectId) => list.all(projectId).map(toAnnouncementRecord),
    get: async (projectId, id) => record(get.get(projectId, id)),
    create: async (projectId, announcement, texts, at) => record(create.get({ ...announcementParams(projectId, announcement, texts), at })),
    replace: async (projectId, announcement, texts, expectedVersion, at) =>
      record(replace.get({ ...announcementParams(projectId, announcement, texts), at, expectedVersion })),
    remove: async (projectId, id) => remove.run(projectId, id).changes > 0,
    activity: async (projectId, subject) => {
      const rows = 'userId' in subject
        ? byUser.all(projectId, subject.userId, ...ACTIVITY_EVENT_NAMES)
        : byAnonymous.all(projectId, subject.anonymousId, ...ACTIVITY_EVENT_NAMES);
      return rows.map(toActivityEvent);
    },
    kpiUsers: async (projectId, to, featureEvent) =>
      (
        await (featureEvent === undefined
          ? kpiRows<KpiUserRow>(kpiUsersSql(false), { projectId, to: to.getTime() })
          : kpiRows<KpiUserRow>(kpiUsersSql(true), { projectId, to: to.getTime(), feature: featureEvent }))
      ).map((row) => ({
          userId: row.user_id,
          traits: JSON.parse(row.traits) as Record<string, JsonValue>,
          firstSeen: row.first_seen,
          lastSeen: row.last_seen,
          featureFirstAt: row.feature_first_at,
        })),
    kpiAnnouncementEvents: async (projectId, id, to) =>
      (await kpiRows<KpiEventRow>(KPI_ANNOUNCEMENT_EVENTS, { projectId, id, to: to.getTime(), digest: ANNOUNCEMENT_EVENTS.digestShown })).map(kpiEvent),
    kpiEvents: async (projectId, names, to) => {
      if (names.length === 0) return [];
      const rows = await kpiRows<KpiEventRow>(
        `SELECT user_id, name, timestamp, properties FROM events
         WHERE project_id = ? AND name IN (${names.map(() => '?').join(', ')}) AND user_id IS NOT NULL AND timestamp < ?`,
        [projectId, ...names, to.getTime()],
      );
      return rows.map(kpiEvent);
    },
  };
}
