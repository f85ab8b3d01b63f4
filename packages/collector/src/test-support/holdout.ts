import { rewardsHoldoutBucket } from '../domain/rewards/holdout.js';

/**
 * A project id (`base`, suffixed) and a holdout percent under which exactly the units `held` of
 * `held` and `exposed` fall in the rewards holdout: the draw is a hash of project and unit, so a
 * hand-computed fixture picks the project whose draw splits its units as the fixture says.
 */
export function projectHolding(base: string, held: readonly string[], exposed: readonly string[]): { projectId: string; percent: number } {
  for (let attempt = 0; ; attempt++) {
    const projectId = `${base}-${attempt}`;
    const top = Math.max(...held.map((id) => rewardsHoldoutBucket(projectId, id)));
    if (exposed.every((id) => rewardsHoldoutBucket(projectId, id) > top)) return { projectId, percent: (top + 0.5) / 100 };
  }
}
