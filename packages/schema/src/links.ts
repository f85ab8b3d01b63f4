/**
 * Where a prompt's link goes, decided by one function on both sides: the collector when it saves
 * and renders, the widget after it fills placeholders (a trait is new text the server never saw).
 * No zod, no DOM, no Node: the browser imports this file as `@hearth/schema/links`.
 */

/**
 * Refused anywhere in a link: control characters and whitespace (URL parsers strip or skip them,
 * so `/\t/evil.example` becomes `//evil.example`) and backslashes (read as `/` in http(s) URLs).
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/;
const ABSOLUTE_HTTP = /^https?:\/\//i;
const MAX_LENGTH = 2_048;

/** The parsed URL when `url` is absolute, has one of `schemes` and no unsafe character. */
export function absoluteUrl(url: string, schemes: readonly string[]): string | undefined {
  if (url.length > MAX_LENGTH || UNSAFE.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return schemes.includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The href for a prompt link shown on the page at `base`, or undefined when it must not render.
 * An absolute `http(s)://` link goes where it says; anything else must be a path starting with
 * `/` that, once resolved, stays on `base`'s origin: `//host`, `/\host` or a trait that turns
 * `/{{user.x}}` into `//host` never leaves the page's site.
 */
export function resolveLink(url: string, base: string): string | undefined {
  if (ABSOLUTE_HTTP.test(url)) return absoluteUrl(url, ['http:', 'https:']);
  if (!url.startsWith('/') || url.length > MAX_LENGTH || UNSAFE.test(url)) return undefined;
  try {
    const page = new URL(base);
    const link = new URL(url, page);
    return link.origin === page.origin ? link.href : undefined;
  } catch {
    return undefined;
  }
}

/** A base for checking templates when no page is known: only its origin matters. */
export const PROBE_BASE = 'https://host.invalid/';

/** The validation message for links `resolveLink` refuses. */
export const LINK_RULE = 'url must start with http://, https:// or a single "/" and stay on the page\'s site (no whitespace, control characters or "\\")';
