import type { HearthEvent, PageContext } from '@hearth/schema';
import type { PageInfo } from './env.js';
import type { IdentityState } from './identity.js';
import type { Properties } from './types.js';

/**
 * Mirrors `JSON_LIMITS` and the event field limits of @hearth/schema (the widget may import only
 * its types; test/schema-parity.test.ts pins the two together). One bad event must be refused
 * here: the collector rejects a whole batch that contains it.
 */
export const LIMITS = {
  maxDepth: 5,
  maxStringLength: 8192,
  maxKeys: 100,
  maxName: 200,
  maxUserId: 128,
  maxEventBytes: 32 * 1024,
};
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
/** With the `u` flag this matches only surrogates without their pair. */
const LONE_SURROGATE = /\p{Surrogate}/gu;
const UNSTORABLE = 'must not contain NUL or a lone surrogate';

/** Text the collector refuses in every string and key: the NUL character or a lone surrogate. */
const unstorable = (text: string) => text.includes('\0') || text.search(LONE_SURROGATE) >= 0;

/** Page text clipped to `max` without leaving half a surrogate pair, and made storable. */
const clip = (text: string, max: number) => text.slice(0, max).replace(LONE_SURROGATE, '\uFFFD').replaceAll('\0', '\uFFFD');

/** Returns the reason `value` breaks a limit, or '' when it is acceptable JSON. */
function jsonProblem(value: unknown, depth: number): string {
  if (typeof value === 'string')
    return value.length > LIMITS.maxStringLength ? 'a string is too long' : unstorable(value) ? `a string ${UNSTORABLE}` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? '' : 'numbers must be finite';
  if (value === null || typeof value === 'boolean') return '';
  if (typeof value !== 'object') return `${typeof value} is not JSON`;
  if (depth >= LIMITS.maxDepth) return `nesting deeper than ${LIMITS.maxDepth} levels`;
  const keys = Object.keys(value);
  if (keys.length > LIMITS.maxKeys) return `more than ${LIMITS.maxKeys} keys or items`;
  for (const key of keys) {
    if (FORBIDDEN_KEYS.includes(key)) return `key "${key}" is not allowed`;
    if (unstorable(key)) return `a key ${UNSTORABLE}`;
    const problem = jsonProblem((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return '';
}

/** Validates a properties/traits bag; throws an Error naming the field and the reason. */
export function checkProperties(field: string, value: unknown): Properties | undefined {
  if (value === undefined || value === null) return undefined;
  const problem = typeof value !== 'object' || Array.isArray(value) ? 'expected an object' : jsonProblem(value, 0);
  if (problem) throw new Error(`${field}: ${problem}`);
  return value as Properties;
}

export function checkString(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || !value || value.length > max) {
    throw new Error(`${field}: expected a non-empty string of at most ${max} characters`);
  }
  if (unstorable(value)) throw new Error(`${field}: ${UNSTORABLE}`);
  return value;
}

export function pageContext(page: PageInfo, locale: string | undefined): PageContext {
  return {
    url: clip(page.url, 2048),
    path: clip(page.path, 2048),
    title: clip(page.title, 512),
    referrer: clip(page.referrer, 2048),
    locale: clip(locale ?? page.locale, 35),
  };
}

export type EventBody =
  | { type: 'track'; name: string; properties?: Properties }
  | { type: 'page'; properties?: Properties }
  | { type: 'identify'; userId: string; traits?: Properties }
  | { type: 'group'; userId: string; accountId: string; traits?: Properties; groupToken?: string };

/** Builds the wire event; its `messageId` is fixed here, once, so every retry reuses it. */
export function buildEvent(body: EventBody, who: IdentityState, messageId: string, now: number, context: PageContext): HearthEvent {
  return {
    messageId,
    anonymousId: who.anonymousId,
    userId: who.userId ?? null,
    timestamp: new Date(now).toISOString(),
    context,
    ...body,
  } as HearthEvent;
}
