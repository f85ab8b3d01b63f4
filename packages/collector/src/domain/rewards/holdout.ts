import type { RewardsConfig } from '@hearth/schema';
import { sampleBucket, SAMPLE_BUCKETS } from '../targeting/sampling.js';

type HoldoutConfig = { holdout?: { percent: number; unit?: 'user' | 'account' | undefined } | undefined } | undefined;

/**
 * The rewards program's randomized holdout: a unit (a verified user, or with `unit: 'account'` an
 * account) is in it when its stable bucket for this project (the targeting engine's sampling,
 * salted `rewards-holdout:<project>`) falls under `holdout.percent`. The same unit stays in it on
 * every request, store and process; raising the percent adds units to it (and never moves one
 * out), lowering it releases some. `unitId` is the user id, or the account id for accounts.
 */
export function inRewardsHoldout(config: HoldoutConfig, projectId: string, unitId: string): boolean {
  const holdout = config?.holdout;
  return holdout !== undefined && rewardsHoldoutBucket(projectId, unitId) < heldBelow(holdout.percent);
}

/**
 * A unit's bucket in the program's draw, [0, 10000): the same for any percent, so every user and
 * account row stores its own (migration 035) and KPI statements draw the holdout in SQL.
 */
export const rewardsHoldoutBucket = (projectId: string, unitId: string): number => sampleBucket(`rewards-holdout:${projectId}`, unitId);

/** The holdout holds the buckets below this. */
export const heldBelow = (percent: number): number => percent * (SAMPLE_BUCKETS / 100);

/** The holdout's unit: users unless the program samples accounts. */
export const holdoutUnit = (config: Pick<RewardsConfig, 'holdout'> | undefined): 'user' | 'account' => config?.holdout?.unit ?? 'user';

/**
 * Whether a verified user is held out: by their own bucket, or (unit `account`) when any account
 * they belong to is held out, so a held-out company never sees the program through any member. A
 * user in no account is exposed under the account unit: the experiment's units are the accounts.
 */
export function userInRewardsHoldout(config: HoldoutConfig, projectId: string, userId: string, accountIds: readonly string[]): boolean {
  if (!config?.holdout) return false;
  if ((config.holdout.unit ?? 'user') === 'user') return inRewardsHoldout(config, projectId, userId);
  return accountIds.some((accountId) => inRewardsHoldout(config, projectId, accountId));
}
