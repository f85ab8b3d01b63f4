/** Same syntax as the widget's `fillPlaceholders`: `{{user.path}}` or `{{ user.path | "fallback" }}`. */
const PLACEHOLDER = /\{\{\s*user\.([\w.]+)\s*(?:\|\s*"([^"]*)"\s*)?\}\}/g;

/**
 * For pages with no user (the public changelog): every placeholder becomes its fallback, or
 * nothing. The result is text; renderers escape it like any other.
 */
export function fillWithFallbacks(text: string): string {
  return text.replace(PLACEHOLDER, (_match, _path: string, fallback: string | undefined) => fallback ?? '');
}
