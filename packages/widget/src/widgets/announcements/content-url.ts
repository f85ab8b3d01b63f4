/** Link targets the widget opens; images are narrower (no `mailto:`). Mirrors @hearth/schema content-tree.ts. */
export const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
export const IMAGE_SCHEMES = ['http:', 'https:'];

/**
 * The URL if it is absolute with an allowed scheme, else undefined. Checked in the browser again
 * *after* placeholders are filled: the server checked the template, not the user's trait values.
 * Control characters and whitespace are refused outright (browsers strip them, which is how
 * `java\tscript:` gets past prefix checks).
 */
export function contentUrl(url: string, schemes: readonly string[]): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return schemes.includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Opens in a new tab when it leaves the page's origin (`mailto:` never does). */
export const isExternal = (href: string, pageOrigin: string): boolean => href.startsWith('http') && new URL(href).origin !== pageOrigin;
