import type { AccountDetail, NpsSummary, ProjectConfig } from '@hearth/schema';
import { npsSummary } from '../kpi/nps.js';
import type { Store } from '../storage/store.js';

/** Members whose answers and balances the account page adds up; larger accounts show their first ones. */
export const ACCOUNT_PAGE_MEMBERS = 200;

export interface AccountPageDetail extends AccountDetail {
  /** NPS over every NPS answer its members gave (all surveys, all time), null figures when none. */
  nps: NpsSummary;
  /** The members' points: the sum of their balances and of their lifetime earnings. */
  points: { balance: number; lifetime: number };
  /** True when the account has more members than the page adds up. */
  truncated: boolean;
}

/** The console's account page: the stored account with its members' NPS and points. */
export function createAccountDetails(store: Store) {
  return {
    async get(project: ProjectConfig, accountId: string): Promise<AccountPageDetail | null> {
      const account = await store.accounts.get(project.id, accountId);
      if (!account) return null;
      const members = account.memberList.slice(0, ACCOUNT_PAGE_MEMBERS);
      const perMember = await Promise.all(
        members.map(async ({ userId }) => ({
          responses: await store.users.responses(project.id, userId),
          balance: await store.rewards.balance(project.id, userId),
        })),
      );
      const scores = perMember.flatMap(({ responses }) =>
        responses.flatMap((response) => (!response.anonymous && response.answer.type === 'nps' ? [response.answer.score] : [])),
      );
      const points = perMember.reduce(
        (sum, { balance }) => ({ balance: sum.balance + balance.balance, lifetime: sum.lifetime + balance.lifetime }),
        { balance: 0, lifetime: 0 },
      );
      return { ...account, nps: npsSummary(scores), points, truncated: account.memberList.length > members.length };
    },
  };
}

export type AccountDetails = ReturnType<typeof createAccountDetails>;
