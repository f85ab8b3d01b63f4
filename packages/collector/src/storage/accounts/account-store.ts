import type { AccountDetail, AccountPage, JsonValue } from '@hearth/schema';
import type { AccountCohortCount, ActiveAccountCount, ChurnAccount } from '../../kpi/accounts.js';
import type { Range } from '../../kpi/retention-periods.js';

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
  /** The user's accounts with their traits, newest active first. */
  accountsOf(projectId: string, userId: string): Promise<UserAccount[]>;
  /** How many members of `accountId` had an event (anywhere) at or after `since` (epoch ms). */
  activeMembers(projectId: string, accountId: string, since: number): Promise<number>;
  list(projectId: string, query: AccountQuery): Promise<AccountPage>;
  get(projectId: string, accountId: string): Promise<AccountDetail | null>;
  /**
   * Active accounts per day, week and 30-day month of [from, to), periods counted from `from`;
   * periods without any are left out. This and the next two are the account KPIs' counts
   * (kpi/accounts.ts), read from the account activity rollup (migration 024).
   */
  activeAccountCounts(projectId: string, range: Range): Promise<ActiveAccountCount[]>;
  /** The accounts with an event in (from − N, from), each with whether it has one in (to − N, to); by id. */
  churnAccounts(projectId: string, range: Range, inactivityMs: number): Promise<ChurnAccount[]>;
  /** Per cohort (accounts created in one `periodMs` period of the range) and offset, the cohort's accounts active then. */
  accountCohortCounts(projectId: string, range: Range, periodMs: number): Promise<AccountCohortCount[]>;
  /** NPS scores of members' (non-anonymous) answers in [from, to), once per account the member belongs to. */
  npsAnswers(projectId: string, from: number, to: number): Promise<{ accountId: string; score: number }[]>;
  /** When each account was first heard of (cohorts), epoch ms, for accounts created before `to`. */
  createdAt(projectId: string, to: number): Promise<{ accountId: string; createdAt: number }[]>;
}
