import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../storage/sqlite/sqlite-store.js';
import { batch, post, testApp, testConfig, trackEvent, errorOf } from '../../test-support/http.js';

describe('load shedding', () => {
  it('answers 503 with Retry-After while more events wait than maxPendingEvents, then serves again', async () => {
    const real = openSqliteStore(':memory:');
    let backlog = 101;
    const store = { ...real, pendingEvents: () => backlog };
    const { app } = testApp({ store, config: testConfig({}, { maxPendingEvents: 100 }) });
    const shed = await post(app, batch([trackEvent()]));
    expect(shed.status).toBe(503);
    expect(shed.headers.get('Retry-After')).toBe('2');
    expect(shed.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After');
    expect((await errorOf(shed)).code).toBe('overloaded');
    expect(await real.listEvents('acme')).toEqual([]);
    backlog = 0;
    expect((await post(app, batch([trackEvent()]))).status).toBe(200);
  });
});
