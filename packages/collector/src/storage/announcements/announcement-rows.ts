import type { Announcement, AnnouncementRecord, AnnouncementTexts, JsonValue } from '@hearth/schema';
import { readJson as json } from '../sql/dialect.js';

/** SQLite hands back epoch ms and JSON text; PostgreSQL hands back Date and parsed jsonb. */
type Time = number | Date;
type Json<T> = string | T;

export interface AnnouncementRow {
  source: Json<Announcement>;
  texts: Json<Record<string, AnnouncementTexts>>;
  version: number;
  created_at: Time;
  updated_at: Time;
}

export interface ActivityRow {
  name: string;
  timestamp: Time;
  properties: Json<Record<string, JsonValue>>;
}

export const ANNOUNCEMENT_COLUMNS = 'source, texts, version, created_at, updated_at';

export function toAnnouncementRecord(row: AnnouncementRow): AnnouncementRecord {
  return {
    announcement: json(row.source),
    texts: json(row.texts),
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export const toActivityEvent = (row: ActivityRow) => ({ name: row.name, at: new Date(row.timestamp), properties: json(row.properties) });

/** Columns copied out of the source for listing and ordering. */
export function announcementParams(projectId: string, announcement: Announcement, texts: Record<string, AnnouncementTexts>) {
  return {
    projectId,
    id: announcement.id,
    status: announcement.status,
    publishAt: announcement.publishAt === undefined ? null : Date.parse(announcement.publishAt),
    source: JSON.stringify(announcement),
    texts: JSON.stringify(texts),
  };
}
