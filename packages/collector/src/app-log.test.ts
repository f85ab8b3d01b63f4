import { afterEach, describe, expect, it, vi } from 'vitest';
import { testApp } from './test-support/http.js';
import { admin } from './test-support/prompts.js';

afterEach(() => vi.restoreAllMocks());

describe('an app given no log (as the server creates it)', () => {
  it('reports an audit entry it could not record on console.error, and the change stands', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
    const { app, store } = testApp({ log: undefined });
    vi.spyOn(store.audit, 'append').mockRejectedValue(new Error('disk full'));
    const res = await admin(app, 'PATCH', '/v1/admin/settings', { body: { inactivityDays: 21 } });
    expect(res.status).toBe(200);
    expect(errors).toEqual(['hearth-collector: audit log: could not record settings.change']);
    expect(await (await admin(app, 'GET', '/v1/admin/settings')).json()).toMatchObject({ inactivityDays: 21 });
  });
});
