import { describe, expect, it } from 'vitest';
import { sampleBucket } from '../targeting/sampling.js';
import { inRewardsHoldout } from './holdout.js';

describe('inRewardsHoldout', () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `user-${i}`);

  it('is off without a holdout', () => {
    expect(ids.some((id) => inRewardsHoldout({}, 'p1', id))).toBe(false);
    expect(inRewardsHoldout(undefined, 'p1', 'user-1')).toBe(false);
  });

  it('holds out exactly the users whose project-salted bucket is under the percent', () => {
    const held = ids.filter((id) => inRewardsHoldout({ holdout: { percent: 10 } }, 'p1', id));
    expect(held).toEqual(ids.filter((id) => sampleBucket('rewards-holdout:p1', id) < 1000));
    // A stable hash spreads 4,000 ids evenly: about 400 of them (binomial sd ≈ 19).
    expect(held.length).toBeGreaterThan(340);
    expect(held.length).toBeLessThan(460);
  });

  it('keeps a held-out user held out when the share grows, and draws independently per project', () => {
    const at10 = ids.filter((id) => inRewardsHoldout({ holdout: { percent: 10 } }, 'p1', id));
    const at20 = new Set(ids.filter((id) => inRewardsHoldout({ holdout: { percent: 20 } }, 'p1', id)));
    expect(at10.every((id) => at20.has(id))).toBe(true);
    const other = ids.filter((id) => inRewardsHoldout({ holdout: { percent: 10 } }, 'p2', id));
    expect(other).not.toEqual(at10);
  });
});
