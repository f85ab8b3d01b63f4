import type { PromptInput } from '@hearth/schema';
import type { createApp } from '../app.js';
import { parseConfig } from '../config.js';
import { seedPrompts } from '../seed-prompts.js';
import type { Store } from '../storage/store.js';
import { ORIGIN, PUBLIC_KEY, SECRET, batch, post, testApp, testConfig, trackEvent, pageToken, NOW } from './http.js';

type App = ReturnType<typeof createApp>;

/** A checklist prompt input; `audience` as given, items completing on the named events. */
type ChecklistInput = Extract<PromptInput, { kind: 'checklist' }>;

export function checklistInput(
  id: string,
  options: { audience?: unknown; events?: string[]; status?: string; title?: string } = {},
): ChecklistInput {
  const events = options.events ?? ['Project Created'];
  return {
    id,
    kind: 'checklist',
    status: (options.status ?? 'live') as PromptInput['status'],
    ...(options.audience ? { audience: options.audience as PromptInput['audience'] } : {}),
    content: {
      title: options.title ?? `Checklist ${id}`,
      items: events.map((event, index) => ({ id: `step-${index + 1}`, title: `Do ${event}`, completeWhen: { type: 'event', event } })),
    },
  } as ChecklistInput;
}

export const roleIs = (role: string) => ({ type: 'trait', trait: 'role', op: 'equals', value: role });

/** An app whose store (a fresh in-memory SQLite one unless given) holds `prompts`, seeded as at start-up. */
export async function promptApp(prompts: PromptInput[], project: Record<string, unknown> = {}, store?: Store) {
  const config = testConfig({ prompts, ...project });
  const result = testApp({ config, ...(store ? { store } : {}) });
  await seedPrompts(result.store, parseConfig(config), NOW);
  return { ...result, config };
}

/** The batch fields a signed-in page sends: a token minted for `userId` unless `extra` brings its own. */
const signedIn = async (userId: string | null, extra: Record<string, unknown>) =>
  userId && !('userToken' in extra) ? { userToken: await pageToken(userId), ...extra } : extra;

/** Sends an identify with traits for `userId` (anonymous id `anon-<userId>`), with a token for it unless `extra` sets one. */
export async function identify(app: App, userId: string, traits: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const res = await post(
    app,
    batch(
      [trackEvent({ type: 'identify', name: undefined, properties: undefined, userId, anonymousId: `anon-${userId}`, traits })],
      await signedIn(userId, extra),
    ),
  );
  if (res.status !== 200) throw new Error(`identify failed: ${res.status} ${await res.text()}`);
}

/** Tracks `name` for `userId` now (or at `timestamp`), with a token for the user unless `extra` sets one. */
export async function track(
  app: App,
  userId: string | null,
  name: string,
  overrides: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const res = await post(
    app,
    batch(
      [trackEvent({ name, userId, anonymousId: userId ? `anon-${userId}` : 'visitor', properties: {}, ...overrides })],
      await signedIn(userId, extra),
    ),
  );
  if (res.status !== 200) throw new Error(`track failed: ${res.status} ${await res.text()}`);
}

/**
 * `GET /v1/state` the way the widget calls it (from the allowed origin); a signed-in user's call
 * carries a token minted for it unless `params` sets `userToken` (empty: none).
 */
export async function getState(app: App, params: Record<string, string>, headers: Record<string, string> = {}) {
  const signed: Record<string, string> = params.userId && !('userToken' in params) ? { userToken: await pageToken(params.userId) } : {};
  const query = new URLSearchParams({ key: PUBLIC_KEY, ...signed, ...params });
  if (query.get('userToken') === '') query.delete('userToken');
  return app.request(`/v1/state?${query}`, { headers: { Origin: ORIGIN, ...headers } });
}

/** The ids of the prompts in a 200 state answer. */
export async function stateIds(app: App, params: Record<string, string>): Promise<string[]> {
  const res = await getState(app, params);
  if (res.status !== 200) throw new Error(`state failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { prompts: { id: string }[] }).prompts.map((p) => p.id);
}

/** An admin call from a server: secret key, no Origin. */
export function admin(
  app: App,
  method: string,
  path: string,
  init: { body?: unknown; key?: string; headers?: Record<string, string> } = {},
) {
  return app.request(path, {
    method,
    headers: {
      Authorization: `Bearer ${init.key ?? SECRET}`,
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
}
