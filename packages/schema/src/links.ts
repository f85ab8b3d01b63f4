/**
 * Where a prompt's link goes, decided by one function on both sides: the collector when it saves
 * and renders, the widget after it fills placeholders (a trait is new text the server never saw).
 * No zod, no DOM, no Node: the browser imports this file as `@hearth/schema/links`.
 */

/**
 * The href for a prompt link shown on the page at `base`, or undefined when it must not render.
 * An absolute `http(s)://` link goes where it says; anything else must be a path starting with
 * `/` that, once resolved, stays on `base`'s origin: `//host`, `/\host` or a trait that turns
 * `/{{user.x}}` into `//host` never leaves the page's site. The origin is compared after the URL
 * parser has done its work (dropped tabs and newlines, read `\` as `/`), so no spelling of a path
 * can reach another host.
 */
export function resolveLink(url: string, base: string): string | undefined {
  try {
    const link = new URL(url, base);
    return /^https?:\/\//i.test(url) || (url[0] === '/' && link.origin === new URL(base).origin) ? link.href : undefined;
  } catch {
    return undefined;
  }
}

/** A base for checking templates when no page is known: only its origin matters. */
export const PROBE_BASE = 'https://host.invalid/';

/** The validation message for links `resolveLink` refuses. */
export const LINK_RULE =
  'url must start with http://, https:// or a single "/" and stay on the page\'s site (no whitespace, control characters or "\\")';
