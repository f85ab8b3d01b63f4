/** Runs `work` over `items` with at most `limit` at a time (PostgreSQL overlaps round trips; SQLite runs them in turn anyway). */
export async function inPool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Keeps up to `limit` writes in flight; `drain` waits for the rest and rethrows the first failure. */
export function createWriteQueue(limit: number) {
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  return {
    async push(write: () => Promise<void>): Promise<void> {
      if (failure) throw failure;
      const promise = write().catch((error: unknown) => {
        failure ??= error;
      });
      inFlight.add(promise);
      void promise.finally(() => inFlight.delete(promise));
      if (inFlight.size >= limit) await Promise.race(inFlight);
    },
    async drain(): Promise<void> {
      await Promise.all(inFlight);
      if (failure) throw failure;
    },
  };
}
