import type { SqlRunner } from '../sql/runner.js';
import { ask, type TxLogic } from '../sql/transaction.js';
import { checklistFoldSql } from './checklist-rollup-sql.js';
import type { ItemDefinition } from './item-definition.js';
import type { FoldStep, Relation } from './rollup-fold.js';

/** Where a definition's build starts: before any event time (0001-01-01, epoch ms). */
const BUILD_FROM = Date.parse('0001-01-01T00:00:00.000Z');

type Statements = ReturnType<typeof checklistFoldSql>;

/** A definition this process builds: set by `DefinitionBuilds` for the build job it claimed. */
interface Build {
  projectId: string;
  item: ItemDefinition;
  built: boolean;
}

/**
 * The checklist rollup (migration 025) as a step of the KPI rollup fold (`rollup-fold.ts`): it
 * folds each queue chunk and rebuilds each dirty subject in the activity fold's transaction. It
 * also builds the item definition this process's build job asked for (`definition-builds.ts`), a
 * bounded chunk of its events per fold, once the queue and dirty subjects are empty: in the fold's
 * transaction, so a build serializes with the deletions and rebuilds of dirty subjects. A build is
 * not the fold's pending work (`pendingSql`): the fold is caught up, and `/healthz` says so, while
 * a definition builds; its backlog is counted apart, as build jobs.
 */
export class ChecklistRollup implements FoldStep {
  readonly pendingSql = 'false';
  readonly #builds = new Map<string, Build>();
  readonly #sql = new Map<string, Statements>();

  /** Builds `item` a chunk per fold from now on, until `built` answers true or it is forgotten. */
  build(projectId: string, item: ItemDefinition): void {
    this.#builds.set(buildKey(projectId, item.definition), { projectId, item, built: false });
  }

  /** Whether the build asked for by `build` has finished (false once forgotten). */
  built(projectId: string, definition: string): boolean {
    return this.#builds.get(buildKey(projectId, definition))?.built ?? false;
  }

  forget(projectId: string, definition: string): void {
    this.#builds.delete(buildKey(projectId, definition));
  }

  requested(): boolean {
    return [...this.#builds.values()].some((build) => !build.built);
  }

  *queued(sql: SqlRunner, chunk: Relation): TxLogic<void> {
    for (const text of this.#statements(sql).chunk(chunk.sql)) yield* ask(sql.run(text, chunk.params));
  }

  *dirty(sql: SqlRunner, subjects: Relation): TxLogic<void> {
    for (const text of this.#statements(sql).rebuild(subjects.sql)) yield* ask(sql.run(text, subjects.params));
  }

  /** A chunk of the first unfinished build; never pending work of the fold's own (see above). */
  *rest(sql: SqlRunner, limit: number): TxLogic<boolean> {
    const build = [...this.#builds.values()].find((b) => !b.built);
    if (!build) return true;
    const s = this.#statements(sql);
    const { projectId, item } = build;
    // Registered in the fold's transaction: from then on every queue chunk folds its new events too.
    yield* ask(sql.run(s.request, [projectId, item.definition, item.event, item.filter, BUILD_FROM]));
    const [row] = yield* ask(
      sql.all<{ built_through: number | string; built: boolean | number }>(s.progress, [projectId, item.definition]),
    );
    if (!row || row.built === true || row.built === 1) {
      build.built = true;
      return true;
    }
    const cursor = Number(row.built_through);
    const [end] = yield* ask(sql.all<{ ms: number | string }>(s.chunkEnd, [projectId, item.event, cursor, limit - 1]));
    const through = end === undefined ? null : Number(end.ms);
    yield* ask(sql.run(s.build, [projectId, item.definition, item.event, cursor, through]));
    yield* ask(sql.run(s.advance, [projectId, item.definition, through]));
    if (through === null) build.built = true;
    return true;
  }

  #statements(sql: SqlRunner): Statements {
    let statements = this.#sql.get(sql.dialect);
    if (!statements) this.#sql.set(sql.dialect, (statements = checklistFoldSql(sql.dialect)));
    return statements;
  }
}

const buildKey = (projectId: string, definition: string) => JSON.stringify([projectId, definition]);
