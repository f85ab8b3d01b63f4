/**
 * The absolute URL if it is http(s), else undefined: prompt links must never run `javascript:`
 * or open `data:` documents. Relative URLs resolve against `base` (the page's URL).
 */
export function safeUrl(url: string, base: string): string | undefined {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
