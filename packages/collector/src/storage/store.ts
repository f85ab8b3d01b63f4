import type { GroupCommitOptions } from './group-commit.js';
import type { RollupKeeperOptions } from './kpi/rollup-keeper.js';
import type { EventFilter, NewEvent, StoredEvent, StoredUser, WriteResult } from '../domain/events.js';
import type { AuditStore } from './audit/audit-store.js';
import type { AccountStore } from './accounts/account-store.js';
import type { AnnouncementStore } from './announcements/announcement-store.js';
import type { EmailStore } from './email/email-store.js';
import type { FactStore } from './facts/fact-store.js';
import type { JobStore } from './jobs/job-store.js';
import type { KpiStore } from './kpi/kpi-store.js';
import type { PromptStore } from './prompts/prompt-store.js';
import type { RateLimitStore } from './rate-limits/rate-limit-store.js';
import type { ResponseStore } from './responses/response-store.js';
import type { ExpiryStore } from './expiry/expiry-store.js';
import type { RevenueStore } from './revenue/revenue-store.js';
import type { RewardsStore } from './rewards-store.js';
import type { SettingsStore } from './settings/settings-store.js';
import type { TeamStore } from './team/team-store.js';
import type { UserStore } from './users/user-store.js';

/**
 * Events and users live on the store itself; each later feature adds a sub-store (its interface in
 * `storage/<feature>/`, one implementation file per database, its own numbered migration and its
 * own conformance file under `storage/conformance/`).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly prompts: PromptStore;
  readonly facts: FactStore;
  readonly kpi: KpiStore;
  readonly rewards: RewardsStore;
  readonly announcements: AnnouncementStore;
  readonly responses: ResponseStore;
  readonly revenue: RevenueStore;
  readonly users: UserStore;
  readonly accounts: AccountStore;
  readonly settings: SettingsStore;
  readonly team: TeamStore;
  readonly audit: AuditStore;
  readonly expiry: ExpiryStore;
  readonly email: EmailStore;
  /** The durable job queue every collector on this database shares. */
  readonly jobs: JobStore;
  /** Per-project rate-limit windows every collector on this database shares. */
  readonly rateLimits: RateLimitStore;
  /** Resolves once the events are committed durably (group commit may merge concurrent calls). */
  writeEvents(events: readonly NewEvent[]): Promise<WriteResult>;
  /** Events accepted by `writeEvents` whose transaction has not committed yet (load shedding). */
  pendingEvents(): number;
  /** How long the oldest unfinished `writeEvents` call has waited, in ms (load shedding: a stalled database). */
  writeWaitMs(): number;
  /** Events ordered by time, then messageId. */
  listEvents(projectId: string, filter?: EventFilter): Promise<StoredEvent[]>;
  getUser(projectId: string, userId: string): Promise<StoredUser | null>;
  /**
   * Null when the store can serve; else why not: the database is unreachable, another collector
   * is applying migrations (PostgreSQL's migration lock is held), or the SQLite KPI reader process
   * started with the store (`startKpiReader`) is not up yet. For `/readyz`.
   */
  readiness(): Promise<string | null>;
  /** Waits for pending writes, then releases the database. */
  close(): Promise<void>;
}

/** What both stores accept beside where they are (declared here so the stores need not import their opener). */
export interface StoreTuning {
  groupCommit?: GroupCommitOptions;
  /** Background folding of the KPI rollups. */
  rollups?: RollupKeeperOptions;
  /**
   * SQLite: start the KPI reader process now, not at the first KPI read, and answer `readiness()`
   * not-ready until it is up. The collector's `start` does, so no dashboard request waits for it;
   * stores that never read a KPI (most tests, the CLI's `migrate`) leave it off and pay nothing.
   */
  startKpiReader?: boolean;
}
