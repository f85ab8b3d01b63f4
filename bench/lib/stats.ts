/** Median of a non-empty list; the middle value resists one noisy run on a shared machine. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median: needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of one numeric field across runs, e.g. `medianOf(runs, (r) => r.rps)`. */
export function medianOf<T>(runs: readonly T[], pick: (run: T) => number): number {
  return median(runs.map(pick));
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
