import type { PromptInput } from '@hearth/schema';
import type { createApp } from '../app.js';
import { parseConfig } from '../config.js';
import { seedPrompts } from '../seed-prompts.js';
import type { Store } from '../storage/store.js';
import { NOW, ORIGIN, PUBLIC_KEY, testApp, testConfig, pageToken } from './http.js';

type App = ReturnType<typeof createApp>;

/** A live NPS survey input with the default cadence; `overrides` replace top-level fields. */
export const npsInput = (id = 'nps', overrides: Record<string, unknown> = {}) =>
  ({ id, kind: 'survey', status: 'live', content: { type: 'nps', product: 'Acme Projects' }, ...overrides }) as PromptInput;

/** An app with `prompts` seeded (in a fresh in-memory SQLite store unless given) and a clock the test moves (`clock.now = …`). */
export async function surveyApp(prompts: PromptInput[], project: Record<string, unknown> = {}, store?: Store) {
  const clock = { now: NOW };
  const config = testConfig({ prompts, ...project });
  const result = testApp({ config, clock: () => clock.now, ...(store ? { store } : {}) });
  await seedPrompts(result.store, parseConfig(config), NOW);
  return { ...result, clock };
}

/**
 * `POST /v1/responses` the way the widget sends it: text/plain, from the allowed origin. A signed-in
 * user's answer carries a token minted for it unless `body` sets `userToken` (undefined: none).
 */
export async function respond(app: App, body: Record<string, unknown>) {
  const signed = typeof body.userId === 'string' && !('userToken' in body) ? { userToken: await pageToken(body.userId) } : {};
  return app.request(`/v1/responses?key=${PUBLIC_KEY}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN },
    body: JSON.stringify({ surveyId: 'nps', cycle: 1, anonymousId: 'anon-1', ...signed, ...body }),
  });
}

export const nps = (score: number) => ({ type: 'nps', score });
