/**
 * The href for a prompt link on the page at `base`, or undefined: http(s) absolute, or a path that
 * stays on the page's origin. One rule for the collector and the widget (@hearth/schema/links).
 */
export { resolveLink as safeUrl } from '@hearth/schema/links';
