import { randomUUID } from 'node:crypto';
import type {
  AccountDetail,
  ErrorBody,
  JsonValue,
  PointsResult,
  Referral,
  RevenueFactInput,
  RevenueFactResult,
  RevenueKpisAnswer,
  RewardsKpis,
  ServerEventsRequest,
  ServerEventsResult,
  ServerLedgerEntry,
  ServerRedemption,
  UserBalance,
} from '@hearth/schema';
import ky, { HTTPError, type KyInstance, type Options } from 'ky';

export interface HearthClientOptions {
  /** The collector's URL, e.g. `https://hearth.example.com`. */
  baseUrl: string;
  /** The project's secret key (`sk_…`), from your server's environment; never ship it to a browser. */
  secretKey: string;
  /** Extra ky options (timeout, retry, hooks, a custom fetch for tests). */
  ky?: Options;
}

/** A refusal from the collector, with its `ErrorBody` code (`insufficient_points`, `idempotency_conflict`, …). */
export class HearthApiError extends Error {
  override name = 'HearthApiError';
  readonly status: number;
  readonly code: string;
  readonly issues: { path: string; message: string }[];
  constructor(status: number, body: ErrorBody | undefined) {
    super(body?.error.message ?? `Hearth answered HTTP ${status}`);
    this.status = status;
    this.code = body?.error.code ?? 'http_error';
    this.issues = body?.error.issues ?? [];
  }
}

export type ServerEvent = ServerEventsRequest['events'][number];
export interface TrackOptions {
  /** Your id for this event (8–64 of A–Z a–z 0–9 _ -): a retry with the same id is stored and paid once. */
  id?: string;
  /** When it happened (ISO 8601); default: when the collector receives it. */
  timestamp?: string;
  /** The account the user acted in (they become its member); default: the user's active account. */
  accountId?: string;
}
export interface PointsChange {
  userId: string;
  /** Whole points; `award` takes a positive number, `adjust` either sign. */
  amount: number;
  reason: string;
  /** Your key for this change: repeating the call with it never changes the balance twice. */
  idempotencyKey: string;
}

/**
 * The typed Node client for Hearth's secret-key server API (ky, with retries on network errors,
 * 408/429/5xx: every write carries an idempotency key, so retrying is safe).
 *
 *   const hearth = createHearthClient({ baseUrl: process.env.HEARTH_URL!, secretKey: process.env.HEARTH_SECRET_KEY! });
 *   await hearth.track(user.id, 'report_exported', { format: 'pdf' }, { id: exportId });
 */
export function createHearthClient(options: HearthClientOptions) {
  const http: KyInstance = ky.create({
    baseUrl: options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
    headers: { Authorization: `Bearer ${options.secretKey}` },
    timeout: 10_000,
    retry: { limit: 3, methods: ['get', 'post', 'put'], statusCodes: [408, 429, 500, 502, 503, 504] },
    ...options.ky,
  });
  const call = async <T>(path: string, init: Options = {}): Promise<T> => {
    try {
      return await http(path, init).json<T>();
    } catch (error) {
      if (error instanceof HTTPError) throw new HearthApiError(error.response.status, error.data as ErrorBody | undefined);
      throw error;
    }
  };
  const post = <T>(path: string, json: unknown = {}) => call<T>(path, { method: 'post', json });
  const range = ({ from, to }: { from?: string | undefined; to?: string | undefined }) => ({
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  const user = (userId: string) => `v1/server/users/${encodeURIComponent(userId)}`;
  const account = (accountId: string) => `v1/server/accounts/${encodeURIComponent(accountId)}`;

  /** Sends events your backend vouches for; they feed every earning rule, badge and referral. */
  const sendEvents = (events: ServerEvent[]) => post<ServerEventsResult>('v1/server/events', { events });
  /** Adds or removes points; a removal that would take the balance below zero is refused (409). */
  const adjust = ({ userId, amount, reason, idempotencyKey }: PointsChange) =>
    post<PointsResult>('v1/server/points', { userId, amount, reason, idempotencyKey });

  return {
    sendEvents,
    adjust,
    track: (
      userId: string,
      name: string,
      properties?: ServerEvent['properties'],
      { id = randomUUID(), timestamp, accountId }: TrackOptions = {},
    ) =>
      sendEvents([
        {
          id,
          userId,
          name,
          ...(properties ? { properties } : {}),
          ...(timestamp ? { timestamp } : {}),
          ...(accountId ? { accountId } : {}),
        },
      ]),
    award(change: PointsChange) {
      if (!(change.amount > 0)) return Promise.reject(new RangeError('award: amount must be positive; use adjust to take points away'));
      return adjust(change);
    },
    /** Sets the traits your backend vouches for (replacing the previous set): rewards audiences read only these. */
    setTrustedTraits: (userId: string, traits: Record<string, JsonValue>) =>
      call<{ userId: string; traits: Record<string, JsonValue> }>(`${user(userId)}/traits`, { method: 'put', json: { traits } }),
    /** Merges traits into the account's trusted traits (plan, seats, MRR, created date), creating the account. */
    setAccountTraits: (accountId: string, traits: Record<string, JsonValue>) =>
      call<AccountDetail>(account(accountId), { method: 'put', json: { traits } }),
    /** Makes the user a member of the account (idempotent; `joinedAt` defaults to now). */
    addMember: (accountId: string, userId: string, { joinedAt }: { joinedAt?: string } = {}) =>
      call<{ accountId: string; userId: string; joinedAt: string }>(`${account(accountId)}/members/${encodeURIComponent(userId)}`, {
        method: 'put',
        json: joinedAt ? { joinedAt } : {},
      }),
    /** Removes the user from the account; 404 (HearthApiError) when they were not a member. */
    async removeMember(accountId: string, userId: string): Promise<void> {
      try {
        await http(`${account(accountId)}/members/${encodeURIComponent(userId)}`, { method: 'delete' });
      } catch (error) {
        if (error instanceof HTTPError) throw new HearthApiError(error.response.status, error.data as ErrorBody | undefined);
        throw error;
      }
    },
    /** The server side of `Hearth('group', …)`: the user joins the account, and its traits are set when given. */
    async group(userId: string, accountId: string, traits?: Record<string, JsonValue>): Promise<AccountDetail> {
      await call(`${account(accountId)}/members/${encodeURIComponent(userId)}`, { method: 'put', json: {} });
      return traits
        ? call<AccountDetail>(account(accountId), { method: 'put', json: { traits } })
        : call<AccountDetail>(account(accountId));
    },
    account: (accountId: string) => call<AccountDetail>(account(accountId)),
    balance: (userId: string) => call<UserBalance>(`${user(userId)}/balance`),
    /** Newest first. */
    ledger: async (userId: string, { limit = 100 } = {}) =>
      (await call<{ entries: ServerLedgerEntry[] }>(`${user(userId)}/ledger`, { searchParams: { limit } })).entries,
    fulfilled: (redemptionId: string) => post<ServerRedemption>(`v1/server/redemptions/${encodeURIComponent(redemptionId)}/fulfilled`),
    /** The points are refunded with a new ledger entry. */
    failed: (redemptionId: string, reason?: string) =>
      post<ServerRedemption>(`v1/server/redemptions/${encodeURIComponent(redemptionId)}/failed`, reason ? { reason } : {}),
    /** A user signed up with someone's referral code; both are paid once the user's qualifying event arrives. */
    attachReferral: (userId: string, code: string) => post<Referral>('v1/server/referrals', { userId, code }),
    /** Runs the points-expiry job (idempotent: schedule it daily). */
    expirePoints: () => post<{ expired: number }>('v1/server/rewards/expire'),
    kpis: ({ from, to }: { from?: string; to?: string } = {}) =>
      call<RewardsKpis & { from: string; to: string }>('v1/server/rewards/kpis', { searchParams: range({ from, to }) }),
    /**
     * Records a revenue fact (subscription started / changed / renewed / cancelled, or a payment) in
     * minor units and the project's currency. Repeating it with the same `id` is a no-op
     * (`duplicate`); the same `id` with other content is refused (409 naming the field).
     */
    recordRevenue: (fact: RevenueFactInput) => post<RevenueFactResult>('v1/server/revenue', fact),
    /** MRR, ARPA, MRR movements, retention, churn, CLV, CLV : CAC and renewals over [from, to). */
    revenueKpis: ({ from, to }: { from?: string; to?: string } = {}) =>
      call<RevenueKpisAnswer>('v1/server/revenue/kpis', { searchParams: range({ from, to }) }),
  };
}

export type HearthClient = ReturnType<typeof createHearthClient>;
