import { inRewardsHoldout } from '../../packages/collector/src/domain/rewards/holdout.js';
import { kpiBenchConfig, PROJECT_ID } from './project.js';
import type { Random } from './random.js';

const DAY_MS = 86_400_000;
export { DAY_MS };

export interface BenchUser {
  userId: string;
  anonymousId: string;
  traits: { plan: string; role: string; locale: string; company: string; seats: number };
  /** First and last (exclusive) day index on which the user can be active: signup and churn. */
  startDay: number;
  endDay: number;
  /** Chance of being active on a day, and mean events on an active day before scaling. */
  dailyChance: number;
  intensity: number;
  /** 30 % of the users outside the program's holdout collect points; their earnings become ledger entries. */
  rewardsMember: boolean;
  /** The account (company) the user belongs to: the `company` trait, ~8 users per account. */
  accountId: string;
}

/**
 * 10,000 users (by default): 30 % already signed up when the window opens, the rest signing up
 * evenly over it; 35 % churn after an exponential lifetime (mean 25 days). Activity is heavy-tailed
 * (Pareto): many light users and a few power users, as product analytics data looks. `seats`, a
 * numeric trait (2 to 500, heavy-tailed: ~15 % have 10 or more) for numeric segments, is drawn
 * from a random stream of its own, so adding it left every other figure of the data set as it was.
 */
export function createPopulation(random: Random, seatsRandom: Random, users: number, days: number): BenchUser[] {
  const program = kpiBenchConfig.projects[0]?.rewards;
  return Array.from({ length: users }, (_, i): BenchUser => {
    const startDay = random.chance(0.3) ? 0 : random.int(days);
    const lifetime = random.chance(0.35) ? Math.ceil(-25 * Math.log(1 - random.next())) : days;
    const user = {
      userId: `user-${i}`,
      anonymousId: `anon-${i}`,
      traits: {
        plan: random.weighted([
          ['free', 50],
          ['trial', 10],
          ['pro', 30],
          ['enterprise', 10],
        ] as const),
        role: random.weighted([
          ['member', 75],
          ['admin', 20],
          ['owner', 5],
        ] as const),
        locale: random.weighted([
          ['en', 70],
          ['de', 10],
          ['fr', 8],
          ['es', 7],
          ['nb', 5],
        ] as const),
        company: `company-${random.int(Math.ceil(users / 8))}`,
        seats: Math.min(500, Math.round(2 * seatsRandom.pareto(1.2))),
      },
      startDay,
      endDay: Math.min(days, startDay + Math.max(1, lifetime)),
      dailyChance: Math.min(0.95, 0.12 * random.pareto(1.6)),
      intensity: Math.min(60, random.pareto(1.4)),
      // The holdout is not shown the program, so it never earns (holdout.ts decides it by a hash).
      rewardsMember: random.chance(0.3) && !inRewardsHoldout(program, PROJECT_ID, `user-${i}`),
    };
    return { ...user, accountId: user.traits.company };
  });
}

/** Mean events of the whole population before scaling: scaled to reach the requested total. */
export function expectedEvents(users: readonly BenchUser[]): number {
  return users.reduce((sum, u) => sum + (u.endDay - u.startDay) * u.dailyChance * u.intensity, 0);
}
