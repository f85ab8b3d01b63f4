import { mulberry32 } from '../../packages/collector/src/test-support/seeded-random.js';

/**
 * Seeded PRNG (mulberry32): the same seed gives the same data set on every machine and store,
 * so figures from two runs describe the same data.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  /** Pareto(1, alpha): heavy-tailed activity, a few power users and many light ones. */
  pareto(alpha: number): number;
  /** Poisson-distributed count (Knuth below 30, normal approximation above). */
  poisson(mean: number): number;
  /** One value by weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pareto: (alpha) => 1 / (1 - next()) ** (1 / alpha),
    poisson(mean) {
      if (mean > 30)
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())));
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
    weighted(choices) {
      const total = choices.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1]![0];
    },
  };
  return random;
}
