import { z } from 'zod';

/** Limits on free-form JSON that arrives from browsers (field-notes: deep nesting, huge strings). */
export const JSON_LIMITS = {
  maxDepth: 5,
  maxStringLength: 8_192,
  maxKeys: 100,
} as const;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns a reason when `value` breaks a limit, or null when it is acceptable JSON. */
function checkJson(value: unknown, depth: number): string | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'numbers must be finite';
  if (typeof value === 'string') {
    return value.length > JSON_LIMITS.maxStringLength ? `strings are limited to ${JSON_LIMITS.maxStringLength} characters` : null;
  }
  if (depth >= JSON_LIMITS.maxDepth) return `nesting deeper than ${JSON_LIMITS.maxDepth} levels`;
  if (Array.isArray(value)) {
    if (value.length > JSON_LIMITS.maxKeys) return `arrays are limited to ${JSON_LIMITS.maxKeys} items`;
    for (const item of value) {
      const reason = checkJson(item, depth + 1);
      if (reason) return reason;
    }
    return null;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length > JSON_LIMITS.maxKeys) return `objects are limited to ${JSON_LIMITS.maxKeys} keys`;
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return `key "${key}" is not allowed`;
      const reason = checkJson((value as Record<string, unknown>)[key], depth + 1);
      if (reason) return reason;
    }
    return null;
  }
  return 'only JSON values are allowed';
}

/**
 * A bag of free-form properties (event properties, user traits) with bounded size and depth.
 * Checked on the raw input, because `z.record` silently drops `__proto__` and we want to refuse it.
 */
export const propertiesSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'expected an object of properties' });
      return;
    }
    const reason = checkJson(value, 0);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  })
  .transform((value) => value as Record<string, JsonValue>)
  .meta({
    description:
      `Free-form JSON object: at most ${JSON_LIMITS.maxDepth} levels deep, ${JSON_LIMITS.maxKeys} keys per object, ` +
      `strings up to ${JSON_LIMITS.maxStringLength} characters; "__proto__", "constructor" and "prototype" keys are refused.`,
  });
