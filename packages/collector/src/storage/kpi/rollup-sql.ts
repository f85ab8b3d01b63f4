/**
 * SQL shared by both stores' activity rollup (`kpi_activity_days`, migration 009): the same
 * expressions build it in the migration, fold new events into it and read it back.
 */

import { DAY_MS } from '../../domain/time.js';

/**
 * A subject's rollup key: `u:<user id>`, or `a:<anonymous id>` for an event without a user (the
 * subject of docs/kpis.md). `row` is a table alias or trigger row with its dot (`e.`, `OLD.`).
 */
export const subjectSql = (row = '') => `CASE WHEN ${row}user_id IS NULL THEN 'a:' || ${row}anonymous_id ELSE 'u:' || ${row}user_id END`;

/** Floor of epoch ms to a UTC day index: `/` and `%` round toward zero, which is wrong before 1970. */
export const dayOfSql = (ms: string) => `((${ms} - ((${ms} % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS}) / ${DAY_MS})`;

/** The UTC day index of epoch ms `ms`, as `dayOfSql` computes it. */
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

/** A never-identified visitor's row. */
export const IS_VISITOR = "substr(subject, 1, 2) = 'a:'";

/** Every rollup table keyed by subject: an erasure drops the person's rows from each. */
export const SUBJECT_ROLLUP_TABLES = [
  'kpi_activity_days',
  'kpi_activity_subjects',
  'kpi_activity_blocks',
  'kpi_prompt_firsts',
  'kpi_item_firsts',
] as const;
