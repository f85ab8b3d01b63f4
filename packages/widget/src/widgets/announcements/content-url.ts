import { absoluteUrl } from '@hearth/schema/absolute-url';

/** Link targets the widget opens; images are narrower (no `mailto:`). Mirrors @hearth/schema content-tree.ts. */
export const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
export const IMAGE_SCHEMES = ['http:', 'https:'];

/**
 * The URL if it is absolute with an allowed scheme, else undefined. Checked in the browser again
 * *after* placeholders are filled: the server checked the template, not the user's trait values.
 */
export const contentUrl = absoluteUrl;

/** Opens in a new tab when it leaves the page's origin (`mailto:` never does). */
export const isExternal = (href: string, pageOrigin: string): boolean => href.startsWith('http') && new URL(href).origin !== pageOrigin;
