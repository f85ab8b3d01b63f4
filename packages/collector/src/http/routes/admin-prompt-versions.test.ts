import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test-support/http.js';
import { admin, checklistInput, promptApp } from '../../test-support/prompts.js';

type Versions = {
  current: number;
  versions: { version: number; origin: string; prompt: { status: string; content: { title: string } } }[];
};

describe('admin API: prompt versions and rollback', () => {
  it('lists every version newest first and rolls back as a new version, keeping the status', async () => {
    const { app } = await promptApp([checklistInput('onboarding', { status: 'draft', title: 'From the file' })]);
    await admin(app, 'PUT', '/v1/admin/prompts/onboarding', { body: checklistInput('onboarding', { status: 'draft', title: 'Second' }) });
    await admin(app, 'POST', '/v1/admin/prompts/onboarding/publish');

    const history = (await (await admin(app, 'GET', '/v1/admin/prompts/onboarding/versions')).json()) as Versions;
    expect(history.current).toBe(3);
    expect(history.versions.map((v) => [v.version, v.origin, v.prompt.content.title, v.prompt.status])).toEqual([
      [3, 'api', 'Second', 'live'],
      [2, 'api', 'Second', 'draft'],
      [1, 'config', 'From the file', 'draft'],
    ]);

    const rolled = await admin(app, 'POST', '/v1/admin/prompts/onboarding/rollback', {
      body: { version: 1 },
      headers: { 'If-Match': '"3"' },
    });
    expect(rolled.status).toBe(200);
    expect(rolled.headers.get('ETag')).toBe('"4"');
    expect(await rolled.json()).toMatchObject({ version: 4, prompt: { status: 'live', content: { title: 'From the file' } } });
    const after = (await (await admin(app, 'GET', '/v1/admin/prompts/onboarding/versions')).json()) as Versions;
    expect(after.versions.map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('refuses a stale If-Match, an unknown version and a malformed body, naming the field', async () => {
    const { app } = await promptApp([checklistInput('onboarding')]);
    const stale = await admin(app, 'POST', '/v1/admin/prompts/onboarding/rollback', {
      body: { version: 1 },
      headers: { 'If-Match': '"7"' },
    });
    expect(stale.status).toBe(412);
    const unknown = await admin(app, 'POST', '/v1/admin/prompts/onboarding/rollback', { body: { version: 5 } });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('version_not_found');
    const bad = await admin(app, 'POST', '/v1/admin/prompts/onboarding/rollback', { body: { version: 0 } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues).toEqual([{ path: 'version', message: 'version must be at least 1' }]);
    expect((await admin(app, 'GET', '/v1/admin/prompts/missing/versions')).status).toBe(404);
  });
});
