import type { SqlRunner } from '../sql/runner.js';
import { ask, type TxLogic } from '../sql/transaction.js';
import { CHECKLIST_PENDING, checklistFoldSql } from './checklist-rollup-sql.js';
import type { ItemDefinition } from './item-definition.js';
import type { FoldStep, Relation } from './rollup-fold.js';

/** Where a definition's build starts: before any event time (0001-01-01, epoch ms). */
const BUILD_FROM = Date.parse('0001-01-01T00:00:00.000Z');

type Statements = ReturnType<typeof checklistFoldSql>;

/**
 * The checklist rollup (migration 025) as a step of the KPI rollup fold (`rollup-fold.ts`): it
 * folds each queue chunk and rebuilds each dirty subject in the activity fold's transaction, and
 * builds item definitions the checklist KPIs asked for, a bounded chunk of events per fold, once
 * the queue and dirty subjects are empty. Requests wait here, in memory, for the next fold: the
 * reads run elsewhere (SQLite's KPI reader process, PostgreSQL's KPI pool) and only the fold writes.
 */
export class ChecklistRollup implements FoldStep {
  readonly pendingSql = CHECKLIST_PENDING;
  readonly #requests = new Map<string, { projectId: string; item: ItemDefinition }>();
  readonly #sql = new Map<string, Statements>();
  #building = 0;

  /** Asks for the definitions' builds (their checklist KPIs read `events` until they are done). */
  request(projectId: string, items: readonly ItemDefinition[]): void {
    for (const item of items) this.#requests.set(JSON.stringify([projectId, item.definition]), { projectId, item });
  }

  /** Definitions asked for and not built yet, as of the last fold. */
  building(): number {
    return this.#building + this.#requests.size;
  }

  requested(): boolean {
    return this.#requests.size > 0;
  }

  *queued(sql: SqlRunner, chunk: Relation): TxLogic<void> {
    for (const text of this.#statements(sql).chunk(chunk.sql)) yield* ask(sql.run(text, chunk.params));
  }

  *dirty(sql: SqlRunner, subjects: Relation): TxLogic<void> {
    for (const text of this.#statements(sql).rebuild(subjects.sql)) yield* ask(sql.run(text, subjects.params));
  }

  *rest(sql: SqlRunner, limit: number): TxLogic<boolean> {
    const s = this.#statements(sql);
    for (const [key, { projectId, item }] of this.#requests) {
      yield* ask(sql.run(s.request, [projectId, item.definition, item.event, item.filter, BUILD_FROM]));
      this.#requests.delete(key);
    }
    const unbuilt = yield* ask(
      sql.all<{ project_id: string; definition: string; event: string; built_through: number | string }>(s.unbuilt, []),
    );
    this.#building = unbuilt.length;
    const next = unbuilt[0];
    if (!next) return true;
    const cursor = Number(next.built_through);
    const [end] = yield* ask(sql.all<{ ms: number | string }>(s.chunkEnd, [next.project_id, next.event, cursor, limit - 1]));
    const through = end === undefined ? null : Number(end.ms);
    yield* ask(sql.run(s.build, [next.project_id, next.definition, next.event, cursor, through]));
    yield* ask(sql.run(s.advance, [next.project_id, next.definition, through]));
    if (through === null) this.#building -= 1;
    return this.#building === 0;
  }

  #statements(sql: SqlRunner): Statements {
    let statements = this.#sql.get(sql.dialect);
    if (!statements) this.#sql.set(sql.dialect, (statements = checklistFoldSql(sql.dialect)));
    return statements;
  }
}
