import type { CompleteWhen, Health } from '@hearth/schema';
import type { ChecklistKpiRow } from '../../kpi/checklist.js';
import type { ProgramGroupKpiStore, RetentionKpiStore } from './retention-store.js';
import type { SegmentCustomers } from './segment-customers.js';
import type { KpiSegment } from '../../kpi/segment.js';
import type { ProportionGroup } from '../../kpi/stats/proportions.js';

export interface ChecklistRowsQuery {
  promptId: string;
  items: readonly { id: string; completeWhen: CompleteWhen }[];
  /** Exclusive end of the observed range: nothing at or after it is read. */
  to: Date;
  /**
   * Start of the KPI's range: subjects first shown the checklist earlier are left out, as
   * `checklistKpis` would drop them (its cohort is first shown in [from, to)). Omitted: all.
   */
  from?: Date | undefined;
  /** Only subjects in this segment at `to` (identified users; storage/kpi/segment-sql.ts). */
  segment?: KpiSegment | undefined;
}

export interface ChecklistUpliftQuery {
  promptId: string;
  items: readonly { id: string; completeWhen: CompleteWhen }[];
  /** Users assigned to a group in [from, to); outcomes are observed before `to`. */
  from: Date;
  to: Date;
  /** An item counts when its event came before assignment + `actionMs` (both windows: `UPLIFT_WINDOWS_MS`, domain/checklist/uplift-windows.ts). */
  actionMs: number;
  /** Retained: an event of the user's own in [assignment + from, assignment + to). */
  activeMs: { from: number; to: number };
  segment?: KpiSegment | undefined;
}

/** One group's counts: rates are `successes` of `n` users whose window has closed by `to`. */
export interface UpliftGroupCounts {
  assigned: number;
  /** By item id; items nobody's window covers are absent. */
  items: Map<string, ProportionGroup>;
  allItems: ProportionGroup;
  retained: ProportionGroup;
}

export interface UpliftCounts {
  exposed: UpliftGroupCounts;
  control: UpliftGroupCounts;
}

export interface ChecklistRows {
  rows: ChecklistKpiRow[];
  /** Where they were read: the rollup, or `events` while an item definition's build is pending. */
  source: 'rollup' | 'events';
}

/** What `/healthz` reports of the KPI rollups: the keeper's lag and the checklist builds pending. */
export type KpiRollupStatus = Health['rollups'];

/** `store.kpi`: the rows each KPI folds, one SQL query per KPI. */
export interface KpiStore extends RetentionKpiStore, ProgramGroupKpiStore {
  /**
   * Rows for `checklistKpis` for users who saw the checklist before `to`, from the checklist rollup
   * (migration 025) once every item's definition is built there; until then from `events` (and the
   * build is asked for), so an edited checklist is never answered from its old items.
   */
  checklistRows(projectId: string, query: ChecklistRowsQuery): Promise<ChecklistRows>;
  /**
   * The same rows read from `events` (the definition the rollup must equal). Item completion comes
   * from the user's real events (the item's `completeWhen` event and property filter) as well as
   * `$checklist_item_completed`, so the KPI does not depend on the widget having been open.
   */
  checklistRowsFromEvents(projectId: string, query: ChecklistRowsQuery): Promise<ChecklistKpiRow[]>;
  /**
   * A checklist holdout's counts per group (storage/kpi/checklist-uplift-sql.ts), from the groups
   * recorded in migration 029: one statement, no targeting evaluated.
   */
  checklistUplift(projectId: string, query: ChecklistUpliftQuery): Promise<UpliftCounts>;
  /**
   * The revenue customers in `segment` at `to`: the users in it, and the accounts it holds by
   * their own traits and age or through their members (storage/kpi/segment-sql.ts).
   */
  segmentCustomers(projectId: string, segment: KpiSegment, to: Date): Promise<SegmentCustomers>;
  /**
   * Folds every event written, deleted or re-attributed so far into the activity rollup (migration
   * 009), then runs the checklist definition builds that are due. The store does this in the
   * background and a retention KPI folds one bounded chunk first; a caller may run it ahead (after
   * a bulk load) so reads start from an up-to-date rollup.
   */
  refreshRollups(): Promise<void>;
  /**
   * How far the background folding trails the writes, and apart from it how many checklist item
   * definitions wait for or are in their build (`GET /healthz`).
   */
  rollupStatus(): KpiRollupStatus;
  /**
   * Drops the project's checklist item definitions (`item-definition.ts`) not in `keep`, with
   * their rollup rows and build jobs; how many. A read that needs one again builds it anew.
   */
  pruneItemDefinitions(projectId: string, keep: readonly string[]): Promise<number>;
}
