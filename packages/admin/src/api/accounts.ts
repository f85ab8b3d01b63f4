import type { AccountDetail, AccountPage, NpsSummary } from '@hearth/schema';
import { api, call } from './client.js';

/** One revenue fact as the account page lists it; amounts in minor units of the project's currency. */
export interface AccountRevenueFact {
  id: string;
  type: string;
  subscriptionId: string | null;
  amount: number;
  interval: string | null;
  occurredAt: string;
}

/** The answer of `GET /v1/admin/accounts/:accountId` (docs/accounts.md). */
export interface AccountPageDetail extends AccountDetail {
  nps: NpsSummary;
  points: { balance: number; lifetime: number };
  truncated: boolean;
  /** Null when the project records no revenue. */
  revenue: { currency: string; mrr: number | null; facts: AccountRevenueFact[] } | null;
}

export interface AccountListParams {
  q?: string;
  after?: string;
}

export const listAccounts = (params: AccountListParams) =>
  call(() => api.get('accounts', { searchParams: { ...params } }).json<AccountPage>());
export const getAccount = (accountId: string) => call(() => api.get(`accounts/${encodeURIComponent(accountId)}`).json<AccountPageDetail>());
