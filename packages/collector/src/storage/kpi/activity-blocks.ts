import type { SqlRunner } from '../sql/runner.js';
import { ask, type TxLogic } from '../sql/transaction.js';
import { dayOfSql } from './rollup-sql.js';
import type { FoldStep, Relation } from './rollup-fold.js';

/*
 * The activity blocks (`kpi_activity_blocks`, migration 031): per (project, subject, block of 62
 * UTC days) a bitmap of the days the subject has an event on, bit i for the block's day i. "Was
 * the subject active on a whole day of [a, b)" is then one or two rows and an AND, where the
 * daily rollup has up to b − a rows to look through. 62 days keep every bitmap and mask below
 * 2⁶², so no sign bit and no shift by 64 (which PostgreSQL wraps) is ever involved. Kept as a
 * `FoldStep` of the activity fold (rollup-fold.ts): a queue chunk's days are OR-ed in, a dirty
 * subject's blocks are recomputed from its rebuilt day rows; erasure drops them with the other
 * subject rollups; expiring raw events keeps them, as it keeps the day rows.
 */
export const BLOCK_DAYS = 62;

const floorMod = (x: string) => `(((${x}) % ${BLOCK_DAYS} + ${BLOCK_DAYS}) % ${BLOCK_DAYS})`;
/** The block of UTC day index `day` (floor, so days before 1970 too). */
export const blockOfSql = (day: string) => `((${day} - ${floorMod(day)}) / ${BLOCK_DAYS})`;
/** 2^`bit` as a bigint (PostgreSQL shifts a bigint by an integer). */
const pow2 = (bit: string) => `(CAST(1 AS bigint) << CAST(${bit} AS integer))`;
/** The bitmap of day rows `rows` (with `project_id`, `subject`, `day`), grouped by (project, subject, block). */
const blockRows = (rows: string) => `
  SELECT project_id, subject, ${blockOfSql('day')}, CAST(SUM(DISTINCT ${pow2(floorMod('day'))}) AS bigint) FROM ${rows}`;

const clamp = (x: string, lo: number, hi: number) => `CASE WHEN ${x} < ${lo} THEN ${lo} WHEN ${x} > ${hi} THEN ${hi} ELSE ${x} END`;

/**
 * The block rows (`kb`) of project `@projectId` with a day set inside the whole UTC days of
 * epoch-ms window [L, H), i.e. the days [⌈L / day⌉, ⌊H / day⌋); the partial days at the window's
 * ends are the caller's. Within block `kb.block` those days are bits [lo, hi), mask 2^hi − 2^lo.
 */
function wholeDayRows(L: string, H: string): string {
  const a = dayOfSql(`(${L} + ${86_400_000 - 1})`);
  const b = dayOfSql(H);
  const start = `(kb.block * ${BLOCK_DAYS})`;
  const lo = clamp(`${a} - ${start}`, 0, BLOCK_DAYS);
  const hi = clamp(`${b} - ${start}`, 0, BLOCK_DAYS);
  return `FROM kpi_activity_blocks kb WHERE kb.project_id = @projectId
      AND ${a} < ${b} AND kb.block >= ${blockOfSql(a)} AND kb.block <= ${blockOfSql(`${b} - 1`)}
      AND (kb.days & (${pow2(hi)} - ${pow2(lo)})) <> 0`;
}

/** SQL condition: subject `subject` has an event on a whole UTC day of [L, H) (one or two block rows). */
export const activeOnWholeDays = (subject: string, L: string, H: string) =>
  `EXISTS (SELECT 1 ${wholeDayRows(L, H)} AND kb.subject = ${subject})`;

/**
 * The subjects with an event on a whole UTC day of [L, H), for a window the same for every
 * subject: one pass over the window's blocks that both stores hash once, where probing them per
 * subject cost PostgreSQL four index pages per subject (392,000 buffers for 98,000 subjects).
 */
export const subjectsActiveOnWholeDays = (L: string, H: string) => `SELECT kb.subject ${wholeDayRows(L, H)}`;

const UPSERT = `ON CONFLICT (project_id, subject, block) DO UPDATE SET days = kb.days | excluded.days`;

/** The blocks as a step of the activity fold. */
export const activityBlocksStep: FoldStep = {
  // The step has no marks of its own: it works from the chunk and the dirty subjects only.
  pendingSql: 'false',
  requested: () => false,
  *queued(sql: SqlRunner, chunk: Relation): TxLogic<void> {
    const text = `INSERT INTO kpi_activity_blocks AS kb (project_id, subject, block, days)
      ${blockRows(chunk.sql)} WHERE true GROUP BY 1, 2, 3 ${UPSERT}`;
    yield* ask(sql.run(text, chunk.params));
  },
  // After the fold has rebuilt the dirty subjects' day rows: their blocks are those rows' days.
  *dirty(sql: SqlRunner, subjects: Relation): TxLogic<void> {
    const dirty = `(project_id, subject) IN (SELECT project_id, subject FROM ${subjects.sql})`;
    yield* ask(sql.run(`DELETE FROM kpi_activity_blocks WHERE ${dirty}`, subjects.params));
    yield* ask(
      sql.run(
        `INSERT INTO kpi_activity_blocks (project_id, subject, block, days) ${blockRows('kpi_activity_days')} WHERE ${dirty} GROUP BY 1, 2, 3`,
        subjects.params,
      ),
    );
  },
  // Nothing of its own to build: done as soon as the chunk and the dirty subjects are.
  // eslint-disable-next-line require-yield
  *rest(): TxLogic<boolean> {
    return true;
  },
};
