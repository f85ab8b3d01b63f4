/**
 * Exact arithmetic for money KPIs: amounts are bigint minor units and every rate a fraction of two
 * bigints, turned into a JS number once, at the end (`rounded`), so no intermediate step drifts.
 */
export interface Fraction {
  n: bigint;
  d: bigint;
}

export const fraction = (n: bigint, d: bigint): Fraction | null => (d === 0n ? null : d < 0n ? { n: -n, d: -d } : { n, d });

export const times = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });

export const dividedBy = (a: Fraction, b: Fraction): Fraction | null => fraction(a.n * b.d, a.d * b.n);

/** `a ÷ b` rounded half away from zero to a whole number. */
export function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const q = (2n * an + ad) / (2n * ad);
  return negative ? -q : q;
}

/** The fraction as a number with `decimals` decimals, rounded half away from zero once. */
export function rounded(value: Fraction | null, decimals = 0): number | null {
  if (value === null) return null;
  const scale = 10n ** BigInt(decimals);
  return Number(roundDiv(value.n * scale, value.d)) / Number(scale);
}

/** `part ÷ whole` as a percentage with two decimals; null when `whole` is 0. */
export const percentOf = (part: bigint, whole: bigint) => rounded(fraction(part * 100n, whole), 2);
