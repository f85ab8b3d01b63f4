import type { Traits } from './state-types.js';

/** `{{user.firstName}}` or `{{ user.firstName | "there" }}`: a trait path and an optional quoted fallback. */
const PLACEHOLDER = /\{\{\s*user\.([\w.]+)\s*(?:\|\s*"([^"]*)"\s*)?\}\}/g;

/**
 * Personalizes prompt text from the user's traits. The result is plain text: widgets render it as a
 * text node (Preact escapes it), never as markup, so a trait like `<img onerror=…>` stays visible
 * text. Rich-text renderers must fill placeholders with escaped text *before* sanitizing.
 * Missing, null or non-scalar traits use the fallback (or nothing), never "undefined"/"[object Object]".
 */
export function fillPlaceholders(template: string, traits: Traits): string {
  return template.replace(PLACEHOLDER, (_match, path: string, fallback: string | undefined) => {
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
