/** Ids are at most 64 characters (slugSchema); the suffix must fit. */
const MAX_ID = 64;

/** A free id for a copy of `id`: `<id>-copy`, then `<id>-copy-2`, … (shortened so the suffix fits). */
export function copyId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = id.slice(0, MAX_ID - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
