/**
 * Refused anywhere in a saved link: whitespace and control characters (URL parsers strip or skip
 * them, so `java\tscript:` or `/\t/evil.example` get past prefix checks) and backslashes (read as
 * `/` in http(s) URLs).
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_IN_LINK = /[\s\0-\x1f\x7f-\x9f\\]/;

/**
 * The URL when `url` is absolute, has one of `schemes` and no unsafe character (see links.ts):
 * rich-content links and images. Its own module so the widget ships it only with announcements.
 */
export function absoluteUrl(url: string, schemes: readonly string[]): string | undefined {
  try {
    const parsed = new URL(url);
    return !UNSAFE_IN_LINK.test(url) && schemes.includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
