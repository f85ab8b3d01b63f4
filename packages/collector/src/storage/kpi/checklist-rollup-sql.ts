import { CHECKLIST_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { epochMs, fromEpochMs, jsonContains, jsonIsString, jsonText, typed } from '../sql/dialect.js';
import type { Dialect } from '../sql/runner.js';
import { subjectSql } from './rollup-sql.js';
import { segmentCte, type SegmentKind } from './segment-sql.js';

/*
 * SQL of the checklist rollup (migration 025), written once for both stores. Every write is an
 * upsert keeping the earliest time, so folding an event twice (a queue chunk and a build that both
 * read it) changes nothing; only a deletion needs a subject's rows dropped and rebuilt.
 */

/**
 * The events a statement folds: `from` is a FROM clause naming them `e`, `where` its condition.
 * `from` may name a queue chunk's event rows or `ds(project_id, subject)` (dirty subjects), whose
 * parameters come first.
 */
interface EventSource {
  from: string;
  where: string;
}

const PROMPT_KINDS = [
  [PROMPT_EVENTS.shown, 'shown'],
  [PROMPT_EVENTS.completed, 'completed'],
  [CHECKLIST_EVENTS.itemCompleted, 'item_completed'],
] as const;
const earliest = (d: Dialect) => `${d === 'sqlite' ? 'min' : 'LEAST'}(k.first_at, excluded.first_at)`;

/** Each subject's first event of each prompt kind: item_id '' but for an item completion the widget sent. */
const foldPromptFirsts = (d: Dialect, src: EventSource) => `
  INSERT INTO kpi_prompt_firsts AS k (project_id, prompt_id, subject, kind, item_id, first_at)
  SELECT e.project_id, ${jsonText(d, 'e.properties', 'promptId')}, ${subjectSql('e.')},
    CASE e.name ${PROMPT_KINDS.map(([name, kind]) => `WHEN '${name}' THEN '${kind}'`).join(' ')} END,
    CASE WHEN e.name = '${CHECKLIST_EVENTS.itemCompleted}' THEN ${jsonText(d, 'e.properties', 'itemId')} ELSE '' END,
    MIN(${epochMs(d, 'e.timestamp')})
  ${src.from}
  WHERE ${src.where} AND e.name IN (${PROMPT_KINDS.map(([name]) => `'${name}'`).join(', ')})
    AND ${jsonIsString(d, 'e.properties', 'promptId')}
    AND (e.name <> '${CHECKLIST_EVENTS.itemCompleted}' OR ${jsonIsString(d, 'e.properties', 'itemId')})
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (project_id, prompt_id, kind, subject, item_id) DO UPDATE SET first_at = ${earliest(d)}`;

/** Each subject's first event matching each item definition `kd` the source's condition admits. */
const foldItemFirsts = (d: Dialect, src: EventSource) => `
  INSERT INTO kpi_item_firsts AS k (project_id, definition, subject, first_at)
  SELECT kd.project_id, kd.definition, ${subjectSql('e.')}, MIN(${epochMs(d, 'e.timestamp')})
  ${src.from} JOIN kpi_item_definitions kd ON kd.project_id = e.project_id AND kd.event = e.name
  WHERE ${src.where} AND ${jsonContains(d, 'e.properties', 'kd.filter')}
  GROUP BY 1, 2, 3
  ON CONFLICT (project_id, definition, subject) DO UPDATE SET first_at = ${earliest(d)}`;

/** A queue chunk's event rows (`e`, see fold-chunk.ts). */
const chunkEvents = (chunk: string): EventSource => ({ from: `FROM ${chunk}`, where: 'true' });

/** A dirty subject's events, one source per kind of subject so each seeks its own index. */
const subjectEvents = (ds: string): EventSource[] => [
  {
    from: `FROM ${ds} JOIN events e ON e.project_id = ds.project_id AND e.user_id = substr(ds.subject, 3)`,
    where: "substr(ds.subject, 1, 2) = 'u:'",
  },
  {
    from: `FROM ${ds} JOIN events e ON e.project_id = ds.project_id AND e.anonymous_id = substr(ds.subject, 3) AND e.user_id IS NULL`,
    where: "substr(ds.subject, 1, 2) = 'a:'",
  },
];

/** Statements of the fold step (`checklist-fold.ts`) for one dialect. */
export function checklistFoldSql(d: Dialect) {
  // $1 project, $2 definition, $3 event, $4 built through (epoch ms), $5 the chunk's last time or null.
  const after = `e.timestamp > ${fromEpochMs(d, typed(d, '$4', 'bigint'))}`;
  const build: EventSource = {
    from: 'FROM events e',
    where: `e.project_id = $1 AND kd.definition = $2 AND e.name = $3 AND ${after}
      AND (${typed(d, '$5', 'bigint')} IS NULL OR e.timestamp <= ${fromEpochMs(d, typed(d, '$5', 'bigint'))})`,
  };
  return {
    /** Folds a queue chunk's event rows (`e`) into both tables. */
    chunk: (rows: string) => [foldPromptFirsts(d, chunkEvents(rows)), foldItemFirsts(d, chunkEvents(rows))],
    /** Drops, then rebuilds from `events`, the rows of the dirty subjects `ds(project_id, subject)`. */
    rebuild: (ds: string) => [
      ...['kpi_prompt_firsts', 'kpi_item_firsts'].map(
        (table) => `DELETE FROM ${table} WHERE (project_id, subject) IN (SELECT project_id, subject FROM ${ds})`,
      ),
      ...subjectEvents(ds).flatMap((src) => [foldPromptFirsts(d, src), foldItemFirsts(d, src)]),
    ],
    /** $1 project, $2 definition, $3 event, $4 filter, $5 where a build starts (epoch ms). */
    request: `INSERT INTO kpi_item_definitions (project_id, definition, event, filter, built_through, built)
      VALUES ($1, $2, $3, $4, $5, ${d === 'sqlite' ? '0' : 'false'}) ON CONFLICT (project_id, definition) DO NOTHING`,
    /** $1 project, $2 definition: where its build is. */
    progress: 'SELECT built_through, built FROM kpi_item_definitions WHERE project_id = $1 AND definition = $2',
    /** $1 project, $2 event, $3 built through, $4 chunk size − 1: the time of the chunk's last event, if it has that many. */
    chunkEnd: `SELECT ${epochMs(d, 'e.timestamp')} AS ms FROM events e
      WHERE e.project_id = $1 AND e.name = $2 AND e.timestamp > ${fromEpochMs(d, typed(d, '$3', 'bigint'))}
      ORDER BY e.timestamp LIMIT 1 OFFSET $4`,
    /** Folds the definition's events after the cursor, through the chunk's last time (null: all). */
    build: foldItemFirsts(d, build),
    /** $1 project, $2 definition, $3 new cursor (epoch ms) or null when the build is done. */
    advance: `UPDATE kpi_item_definitions SET built_through = COALESCE(${typed(d, '$3', 'bigint')}, built_through),
      built = ${typed(d, '$3', 'bigint')} IS NULL WHERE project_id = $1 AND definition = $2`,
  };
}

/** The items as rows (item_id, definition): a JSON array on SQLite (@items), column arrays on PostgreSQL. */
const ITEMS = {
  sqlite: `SELECT json_extract(value, '$.itemId') AS item_id, json_extract(value, '$.definition') AS definition FROM json_each(@items)`,
  postgres: 'SELECT * FROM unnest(CAST(@itemIds AS text[]), CAST(@itemDefinitions AS text[])) AS i(item_id, definition)',
};

const userOf = (subject: string) => `CASE WHEN substr(${subject}, 1, 2) = 'u:' THEN substr(${subject}, 3) END`;
const ms = (name: string) => `CAST(@${name} AS bigint)`;

/**
 * The rows of `checklistRowsFromEvents` (checklist-sql.ts), read from the rollup: @projectId,
 * @promptId, @toMs and @fromMs (epoch ms, @fromMs may be null), the items, and for a segmented
 * read the segment's parameters (segment-sql.ts), whose users it keeps as the events read does. A
 * subject's first times are all-time minimums, so "the first one before `to`" is the minimum when
 * it is before `to`.
 */
export const checklistRollupSql = (d: Dialect, segment: SegmentKind | null) => `
  WITH ${segment ? `${segmentCte(d, segment)},` : ''} items AS MATERIALIZED (
    ${ITEMS[d]}
  ),
  shown AS MATERIALIZED (
    SELECT subject, first_at FROM kpi_prompt_firsts
    WHERE project_id = @projectId AND prompt_id = @promptId AND kind = 'shown' AND item_id = '' AND first_at < ${ms('toMs')}
      AND (${ms('fromMs')} IS NULL OR first_at >= ${ms('fromMs')})
      ${segment ? `AND substr(subject, 1, 2) = 'u:' AND substr(subject, 3) IN (SELECT substr(subject, 3) FROM segment)` : ''}
  ),
  facts (subject, event, item_id, first_at) AS (
    SELECT subject, 'shown', NULL, first_at FROM shown
    UNION ALL
    SELECT s.subject, p.kind, CASE WHEN p.kind = 'item_completed' THEN p.item_id END, p.first_at
    FROM shown s JOIN kpi_prompt_firsts p
      ON p.project_id = @projectId AND p.prompt_id = @promptId AND p.kind IN ('completed', 'item_completed') AND p.subject = s.subject
    WHERE p.first_at < ${ms('toMs')}
    UNION ALL
    SELECT s.subject, 'item_completed', i.item_id, f.first_at
    FROM shown s CROSS JOIN items i
    JOIN kpi_item_firsts f ON f.project_id = @projectId AND f.definition = i.definition AND f.subject = s.subject
    WHERE f.first_at < ${ms('toMs')}
  )
  SELECT ${userOf('f.subject')} AS user_id, CASE WHEN substr(f.subject, 1, 2) = 'a:' THEN substr(f.subject, 3) END AS anonymous_id,
    f.event, f.item_id, f.first_at
  FROM facts f`;

/** @projectId, @definitions (a JSON array on SQLite, text[] on PostgreSQL): how many are built. */
export const builtCountSql = (d: Dialect) =>
  `SELECT COUNT(*) AS n FROM kpi_item_definitions WHERE project_id = @projectId AND built AND definition IN (${
    d === 'sqlite' ? 'SELECT value FROM json_each(@definitions)' : 'SELECT unnest(CAST(@definitions AS text[]))'
  })`;
