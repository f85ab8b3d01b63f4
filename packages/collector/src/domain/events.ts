import type { JsonValue, PageContext } from '@hearth/schema';

type Properties = Record<string, JsonValue>;

/** One event ready to be stored: validated, skew-corrected, identity-checked. */
export interface NewEvent {
  projectId: string;
  messageId: string;
  type: 'track' | 'page' | 'identify' | 'group';
  /** Track events only; page, identify and group events have no name. */
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
  /**
   * The account the event happened in (domain/accounts/active-account.ts): a verified claim, or
   * null for none. Ignored when `activeAccount` is set.
   */
  accountId?: string | null;
  /**
   * The store gives the event its user's active account at the event's time
   * (`activeAccountAt`), from the memberships as they stand in the transaction that writes it:
   * one read per transaction of a group commit, not one per request. Identified events only.
   */
  activeAccount?: boolean;
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
  /** The account the event was stored in, or null. */
  accountId: string | null;
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

/** A user's events, or the events sent under an anonymous id that no user owns. */
export interface EventFilter {
  userId?: string;
  anonymousId?: string;
}
