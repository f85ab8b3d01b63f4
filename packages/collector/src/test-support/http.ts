import { errorBodySchema } from '@hearth/schema';
import type { Batch, CollectorConfigInput } from '@hearth/schema';
import { SignJWT } from 'jose';
import { createApp, type AppOptions } from '../app.js';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';
import type { Store } from '../storage/store.js';
import { nextMessageId } from './events.js';

export const PUBLIC_KEY = 'pk_test_acme_public';
export const SECRET = 'sk_test_acme_secret_0001';
export const OTHER_SECRET = 'sk_test_acme_secret_0002';
export const ORIGIN = 'https://app.acme.test';
export const NOW = Date.parse('2026-11-22T12:00:00.000Z');

export function testConfig(project: Record<string, unknown> = {}, rest: Partial<CollectorConfigInput> = {}): CollectorConfigInput {
  return {
    projects: [
      {
        id: 'acme',
        name: 'Acme',
        publicKey: PUBLIC_KEY,
        secretKeys: [SECRET, OTHER_SECRET],
        allowedOrigins: [ORIGIN],
        ...project,
      },
    ],
    ...rest,
  };
}

/** An app on a fresh in-memory store with a fixed clock; the client address comes from `x-test-client`. */
export function testApp(options: Partial<AppOptions> & { config?: CollectorConfigInput } = {}): {
  app: ReturnType<typeof createApp>;
  store: Store;
} {
  const store = options.store ?? openSqliteStore(':memory:');
  const app = createApp({
    clock: () => NOW,
    clientAddress: (c) => c.req.header('x-test-client') ?? 'client-1',
    log: () => undefined,
    ...options,
    store,
    config: options.config ?? testConfig(),
  });
  return { app, store };
}

export function trackEvent(overrides: Record<string, unknown> = {}) {
  return {
    messageId: nextMessageId(),
    anonymousId: 'anon-1',
    type: 'track',
    name: 'project_created',
    timestamp: new Date(NOW - 1_000).toISOString(),
    properties: { plan: 'pro' },
    ...overrides,
  };
}

export function batch(events: unknown[], overrides: Partial<Batch> = {}) {
  return { sentAt: new Date(NOW).toISOString(), events, ...overrides };
}

/** POST a batch the way the widget does: text/plain, from the allowed origin. */
export function post(app: ReturnType<typeof createApp>, body: unknown, init: { key?: string; headers?: Record<string, string> } = {}) {
  return app.request(`/v1/batch?key=${init.key ?? PUBLIC_KEY}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN, ...init.headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
}

export function userToken(sub: string, { secret = SECRET, expiresAt = NOW / 1000 + 600, alg = 'HS256' } = {}) {
  return new SignJWT({ sub }).setProtectedHeader({ alg }).setExpirationTime(expiresAt).sign(new TextEncoder().encode(secret));
}

/** The token a signed-in page holds: valid for a year, so tests that move the clock keep it. */
export const pageToken = (userId: string) => userToken(userId, { expiresAt: NOW / 1000 + 365 * 86_400 });

/** The `error` of an ErrorBody response, validated against the shared schema. */
export async function errorOf(res: Response) {
  return errorBodySchema.parse(await res.json()).error;
}
