/**
 * Picks the best locale among those a prompt has: exact tag, then its language (`ar-SA` → `ar`),
 * then the prompt's default. Case- and `_`/`-`-insensitive; returns the tag as the prompt spells it.
 */
export function pickLocale(available: readonly string[], userLocale: string | null, fallback: string): string {
  if (!userLocale) return fallback;
  const wanted = userLocale.toLowerCase().replace(/_/g, '-');
  const find = (tag: string) => available.find((a) => a.toLowerCase() === tag);
  return find(wanted) ?? find(wanted.split('-')[0] ?? wanted) ?? fallback;
}
