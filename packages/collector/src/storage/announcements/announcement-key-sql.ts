import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import type { Dialect } from '../sql/runner.js';

/**
 * The announcement an event is about, as one SQL expression per dialect: `announcementId` of a
 * read, reaction or CTA click, `promptId` of a boosted display (`$prompt_shown` with
 * `kind: 'announcement'`). Migration 010 indexes it (partial index on `ANNOUNCEMENT_KEY_NAMES`) so
 * the announcement KPIs read one announcement's events instead of every event of those names. A
 * query reaches the index only by repeating both fragments verbatim. Digests name several
 * announcements in an array and are read by name instead (the stores' `kpiAnnouncementEvents`).
 */
const KEYED = [ANNOUNCEMENT_EVENTS.read, ANNOUNCEMENT_EVENTS.reacted, ANNOUNCEMENT_EVENTS.ctaClicked, PROMPT_EVENTS.shown];
export const ANNOUNCEMENT_KEY_NAMES = `name IN (${KEYED.map((n) => `'${n}'`).join(', ')})`;

/**
 * Per dialect, verbatim as migration 010 indexes it. SQLite: json_extract keeps JSON's type, so a
 * numeric id never equals the text id compared with. PostgreSQL: a jsonb value, compared with
 * `to_jsonb(id::text)` so only a JSON string id matches.
 */
export const ANNOUNCEMENT_KEY: Record<Dialect, string> = {
  sqlite: `(CASE name WHEN '${PROMPT_EVENTS.shown}' THEN CASE WHEN json_extract(properties, '$.kind') = 'announcement' THEN json_extract(properties, '$.promptId') END ELSE json_extract(properties, '$.announcementId') END)`,
  postgres: `(CASE name WHEN '${PROMPT_EVENTS.shown}' THEN CASE WHEN properties->>'kind' = 'announcement' THEN properties->'promptId' END ELSE properties->'announcementId' END)`,
};
