import type { AccountDetail, AccountPage, JsonValue } from '@hearth/schema';
import type { Membership } from '../../domain/accounts/active-account.js';

type Traits = Record<string, JsonValue>;

/** One membership as the decision context reads it: the account's traits come along. */
export interface UserAccount {
  accountId: string;
  traits: Traits;
  /** Epoch ms. */
  activeAt: number;
}

export interface AccountQuery {
  /** Matches account ids starting with this text (case-sensitive). */
  idPrefix?: string;
  limit: number;
  /** The last account id of the previous page. */
  after?: string;
}

/** Per (account, UTC day): how many distinct members had an event attributed to the account. */
export interface AccountDayRow {
  accountId: string;
  /** UTC day number (epoch ms ÷ 86,400,000, floored). */
  day: number;
  /** Epoch ms of the first and the last event of that day in the account. */
  firstAt: number;
  lastAt: number;
  activeUsers: number;
}

/**
 * `store.accounts`: accounts (companies) and who belongs to them. Everything here was vouched for
 * by the host: set with the secret key, or proven by a group token before it reaches the store.
 */
export interface AccountStore {
  /** Merges `traits` into the account's (creating it), unless newer traits were stored already. */
  setTraits(projectId: string, accountId: string, traits: Traits, at: number): Promise<void>;
  /**
   * Creates the account if needed and the membership: `joinedAt` keeps the earliest, `activeAt`
   * the latest of what was stored and what is given.
   */
  addMember(projectId: string, accountId: string, userId: string, times: { joinedAt: number; activeAt: number }): Promise<void>;
  /** False when the user was not a member. */
  removeMember(projectId: string, accountId: string, userId: string): Promise<boolean>;
  /** Every membership of these users (the write path resolves events' accounts from them). */
  memberships(projectId: string, userIds: readonly string[]): Promise<Membership[]>;
  /** The user's accounts with their traits, newest active first. */
  accountsOf(projectId: string, userId: string): Promise<UserAccount[]>;
  /** How many members of `accountId` had an event (anywhere) at or after `since` (epoch ms). */
  activeMembers(projectId: string, accountId: string, since: number): Promise<number>;
  list(projectId: string, query: AccountQuery): Promise<AccountPage>;
  get(projectId: string, accountId: string): Promise<AccountDetail | null>;
  /** Account activity per UTC day for events in [from, to) (the account KPIs fold these rows). */
  activityDays(projectId: string, from: number, to: number): Promise<AccountDayRow[]>;
  /** NPS scores of members' (non-anonymous) answers in [from, to), once per account the member belongs to. */
  npsAnswers(projectId: string, from: number, to: number): Promise<{ accountId: string; score: number }[]>;
  /** When each account was first heard of (cohorts), epoch ms, for accounts created before `to`. */
  createdAt(projectId: string, to: number): Promise<{ accountId: string; createdAt: number }[]>;
}
