import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_SYNC_MS } from '../../services/project-settings.js';
import { openPostgresStore } from '../../storage/postgres/postgres-store.js';
import type { Store } from '../../storage/store.js';
import { NOW, PUBLIC_KEY, testApp } from '../../test-support/http.js';
import { scratchDatabase } from '../../test-support/postgres-database.js';
import { admin } from '../../test-support/prompts.js';

const scratch = scratchDatabase('hearth_settings');

const stores: Store[] = [];
const open = async () => {
  const store = await openPostgresStore(scratch.url);
  stores.push(store);
  return store;
};
beforeAll(scratch.create);
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await scratch.drop();
});

describe('project settings on PostgreSQL, across collector processes', () => {
  it('another process applies a change within the sync interval, and a restarted one before its first request', async () => {
    let now = NOW;
    const clock = () => now;
    const first = testApp({ store: await open(), clock }).app;
    const second = testApp({ store: await open(), clock }).app;
    const origin = 'https://pg.acme.test';
    const from = (app: typeof first) => app.request(`/v1/state?key=${PUBLIC_KEY}&anonymousId=anon-1`, { headers: { Origin: origin } });
    expect((await from(second)).status).toBe(403);

    const res = await admin(first, 'PATCH', '/v1/admin/settings', { body: { allowedOrigins: [origin], theme: { brandColor: '#336699' } } });
    expect(res.status).toBe(200);
    expect((await from(first)).status).toBe(200);
    now += SETTINGS_SYNC_MS;
    expect((await from(second)).status).toBe(200);

    const restarted = testApp({ store: await open(), clock }).app;
    const state = await from(restarted);
    expect(await state.json()).toMatchObject({ theme: { brandColor: '#336699' } });
    // The second process saw version 1; a change based on version 0 is refused there too.
    expect(
      (await admin(second, 'PATCH', '/v1/admin/settings', { body: { inactivityDays: 5 }, headers: { 'If-Match': '"0"' } })).status,
    ).toBe(409);
  });
});
