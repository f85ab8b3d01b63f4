import type { JsonValue, PageContext } from '@hearth/schema';
import type { StoredEvent, StoredUser } from '../domain/events.js';
import { readJson as json } from './sql/dialect.js';

type Properties = Record<string, JsonValue>;
/** SQLite hands back epoch ms and JSON text; Postgres hands back Date and parsed jsonb. */
type Time = number | Date;
type Json<T> = string | T;

export interface EventRow {
  message_id: string;
  type: StoredEvent['type'];
  name: string | null;
  user_id: string | null;
  anonymous_id: string;
  timestamp: Time;
  received_at: Time;
  verified: number | boolean;
  properties: Json<Properties>;
  traits: Json<Properties> | null;
  context: Json<PageContext> | null;
  account_id: string | null;
}

export interface UserRow {
  user_id: string;
  traits: Json<Properties>;
  first_seen: Time;
  last_seen: Time;
}

const iso = (time: Time): string => new Date(time).toISOString();

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    messageId: row.message_id,
    type: row.type,
    name: row.name,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    timestamp: iso(row.timestamp),
    receivedAt: iso(row.received_at),
    verified: Boolean(row.verified),
    properties: json(row.properties),
    traits: row.traits === null ? null : json(row.traits),
    context: row.context === null ? null : json(row.context),
    accountId: row.account_id,
  };
}

export function toStoredUser(row: UserRow, anonymousIds: string[]): StoredUser {
  return {
    userId: row.user_id,
    traits: json(row.traits),
    firstSeen: iso(row.first_seen),
    lastSeen: iso(row.last_seen),
    anonymousIds,
  };
}

/** WHERE clause shared by both stores' `listEvents`; `param(n)` renders the n-th placeholder. */
export function eventFilterSql(
  projectId: string,
  filter: { userId?: string; anonymousId?: string },
  param: (n: number) => string,
): { where: string; values: string[] } {
  const values = [projectId];
  const clauses = [`project_id = ${param(1)}`];
  if (filter.userId !== undefined) {
    values.push(filter.userId);
    clauses.push(`user_id = ${param(values.length)}`);
  }
  if (filter.anonymousId !== undefined) {
    // Events a user owns are theirs (and their export's), not their device's: see migration 027.
    values.push(filter.anonymousId);
    clauses.push(`anonymous_id = ${param(values.length)} AND user_id IS NULL`);
  }
  return { where: clauses.join(' AND '), values };
}

export const EVENT_COLUMNS =
  'message_id, type, name, user_id, anonymous_id, timestamp, received_at, verified, properties, traits, context, account_id';
