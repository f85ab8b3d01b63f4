import type { JsonValue, PageContext } from '@hearth/schema';
import type { AnnouncementStore } from './announcements/announcement-store.js';
import type { FactStore } from './facts/fact-store.js';
import type { KpiStore } from './kpi/kpi-store.js';
import type { PromptStore } from './prompts/prompt-store.js';
import type { ResponseStore } from './responses/response-store.js';
import type { RewardsStore } from './rewards-store.js';
import type { SettingsStore } from './settings/settings-store.js';
import type { UserStore } from './users/user-store.js';

type Properties = Record<string, JsonValue>;

/** One event ready to be stored: validated, skew-corrected, identity-checked. */
export interface NewEvent {
  projectId: string;
  messageId: string;
  type: 'track' | 'page' | 'identify';
  /** Track events only; page and identify events have no name. */
  name: string | null;
  anonymousId: string;
  /** The user id the client sent (identify events always carry one). */
  userId: string | null;
  /** Skew-corrected event time, epoch milliseconds. */
  timestamp: number;
  receivedAt: number;
  verified: boolean;
  properties: Properties;
  traits: Properties | null;
  context: PageContext | null;
  /** Hash of the event exactly as the client sent it; tells a retry from a conflicting reuse of an id. */
  payloadHash: string;
}

/** An event as read back. `userId` is the attributed user: sent, or linked through `identify`. */
export interface StoredEvent {
  messageId: string;
  type: NewEvent['type'];
  name: string | null;
  userId: string | null;
  anonymousId: string;
  /** ISO 8601. */
  timestamp: string;
  receivedAt: string;
  verified: boolean;
  properties: Properties;
  traits: Properties | null;
  context: PageContext | null;
}

export interface StoredUser {
  userId: string;
  traits: Properties;
  firstSeen: string;
  lastSeen: string;
  anonymousIds: string[];
}

export interface WriteResult {
  accepted: number;
  duplicates: number;
  conflicts: number;
}

export interface EventFilter {
  userId?: string;
  anonymousId?: string;
}

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
  readonly users: UserStore;
  readonly settings: SettingsStore;
  /** Resolves once the events are committed durably (group commit may merge concurrent calls). */
  writeEvents(events: readonly NewEvent[]): Promise<WriteResult>;
  /** Events accepted by `writeEvents` whose transaction has not committed yet (load shedding). */
  pendingEvents(): number;
  /** How long the oldest unfinished `writeEvents` call has waited, in ms (load shedding: a stalled database). */
  writeWaitMs(): number;
  /** Events ordered by time, then messageId. */
  listEvents(projectId: string, filter?: EventFilter): Promise<StoredEvent[]>;
  getUser(projectId: string, userId: string): Promise<StoredUser | null>;
  /** Waits for pending writes, then releases the database. */
  close(): Promise<void>;
}
