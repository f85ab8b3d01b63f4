import type { RewardsConfig } from '@hearth/schema';
import { inSample } from '../targeting/sampling.js';

/**
 * The rewards program's randomized holdout: a verified user is in it when their stable bucket for
 * this project (the targeting engine's sampling, salted `rewards-holdout:<project>`) falls under
 * `holdout.percent`. The same user stays in it on every request, store and process; raising the
 * percent adds users to it (and never moves one out), lowering it releases some.
 */
export function inRewardsHoldout(config: Pick<RewardsConfig, 'holdout'> | undefined, projectId: string, userId: string): boolean {
  const holdout = config?.holdout;
  return holdout !== undefined && inSample(holdout.percent, `rewards-holdout:${projectId}`, userId);
}
