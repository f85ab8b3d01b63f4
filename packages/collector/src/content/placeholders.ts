import type { JsonValue } from '@hearth/schema';

/** Same syntax as the widget's `fillPlaceholders`: `{{user.path}}` or `{{ user.path | "fallback" }}`. */
const PLACEHOLDER = /\{\{\s*user\.([\w.]+)\s*(?:\|\s*"([^"]*)"\s*)?\}\}/g;

/**
 * Personalises text from the user's traits, as the widget does: missing, empty or non-scalar traits
 * become the fallback (or nothing). The result is text; renderers escape it like any other, and
 * re-check any URL it ends up in.
 */
export function fillPlaceholders(text: string, traits: Readonly<Record<string, JsonValue>>): string {
  return text.replace(PLACEHOLDER, (_match, path: string, fallback: string | undefined) => {
    const value = path
      .split('.')
      .reduce<unknown>(
        (node, key) =>
          node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined,
        traits,
      );
    const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    return scalar && String(value) !== '' ? String(value) : (fallback ?? '');
  });
}

/** For pages with no user (the public changelog): every placeholder becomes its fallback, or nothing. */
export const fillWithFallbacks = (text: string): string => fillPlaceholders(text, {});
