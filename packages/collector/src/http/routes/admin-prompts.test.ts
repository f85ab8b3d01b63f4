import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { seedPrompts } from '../../seed-prompts.js';
import { NOW, OTHER_SECRET, PUBLIC_KEY, errorOf } from '../../test-support/http.js';
import { admin, checklistInput, identify, promptApp, roleIs, stateIds } from '../../test-support/prompts.js';

const draft = () => checklistInput('onboarding', { status: 'draft', audience: roleIs('admin') });

describe('admin API: authentication', () => {
  it('takes only secret keys, and never from a browser', async () => {
    const { app } = await promptApp([]);
    expect((await admin(app, 'GET', '/v1/admin/prompts')).status).toBe(200);
    expect((await admin(app, 'GET', '/v1/admin/prompts', { key: OTHER_SECRET })).status).toBe(200);
    const cases: [Record<string, string>, string | undefined, number, string][] = [
      [{}, PUBLIC_KEY, 403, 'public_key_refused'],
      [{}, 'sk_not_a_key_of_this_collector', 401, 'unknown_key'],
      [{ Origin: 'https://app.acme.test' }, undefined, 403, 'browser_refused'],
      [{ Authorization: 'Basic abc' }, undefined, 401, 'missing_secret_key'],
    ];
    for (const [headers, key, status, code] of cases) {
      const res = await admin(app, 'GET', '/v1/admin/prompts', { headers, ...(key ? { key } : {}) });
      expect(res.status, code).toBe(status);
      expect((await errorOf(res)).code).toBe(code);
    }
    const kpi = await admin(app, 'GET', '/v1/admin/kpi/checklists/x', { key: PUBLIC_KEY });
    expect(kpi.status).toBe(403);
  });
});

describe('admin API: prompts', () => {
  it('creates, reads, lists, updates as new versions, publishes and archives', async () => {
    const { app } = await promptApp([]);
    const created = await admin(app, 'POST', '/v1/admin/prompts', { body: draft() });
    expect(created.status).toBe(201);
    expect(created.headers.get('ETag')).toBe('"1"');
    expect(await created.json()).toMatchObject({ version: 1, origin: 'api', prompt: { id: 'onboarding', status: 'draft' } });
    expect((await admin(app, 'POST', '/v1/admin/prompts', { body: draft() })).status).toBe(409);

    const update = { ...draft(), content: { ...draft().content, title: 'Welcome aboard' } };
    delete (update as { status?: string }).status;
    const updated = await admin(app, 'PUT', '/v1/admin/prompts/onboarding', { body: update });
    expect(await updated.json()).toMatchObject({ version: 2, prompt: { status: 'draft', content: { title: 'Welcome aboard' } } });

    const published = await admin(app, 'POST', '/v1/admin/prompts/onboarding/publish');
    expect(await published.json()).toMatchObject({ version: 3, prompt: { status: 'live', content: { title: 'Welcome aboard' } } });
    await identify(app, 'ada', { role: 'admin' });
    expect(await stateIds(app, { anonymousId: 'anon-ada', userId: 'ada' })).toEqual(['onboarding']);

    const archived = await admin(app, 'POST', '/v1/admin/prompts/onboarding/archive');
    expect(await archived.json()).toMatchObject({ version: 4, prompt: { status: 'archived' } });
    expect(await stateIds(app, { anonymousId: 'anon-ada', userId: 'ada' })).toEqual([]);

    const one = await admin(app, 'GET', '/v1/admin/prompts/onboarding');
    expect(one.headers.get('ETag')).toBe('"4"');
    const list = (await (await admin(app, 'GET', '/v1/admin/prompts')).json()) as {
      prompts: { prompt: { id: string }; version: number }[];
    };
    expect(list.prompts.map((r) => [r.prompt.id, r.version])).toEqual([['onboarding', 4]]);
    expect((await admin(app, 'GET', '/v1/admin/prompts/missing')).status).toBe(404);
    expect((await admin(app, 'POST', '/v1/admin/prompts/missing/publish')).status).toBe(404);
  });

  it('pauses a live prompt back to draft, and archives several at once, naming ids it lacks', async () => {
    const { app } = await promptApp([]);
    for (const id of ['tour', 'setup', 'old']) await admin(app, 'POST', '/v1/admin/prompts', { body: { ...draft(), id } });
    await admin(app, 'POST', '/v1/admin/prompts/tour/publish');
    await identify(app, 'ada', { role: 'admin' });
    expect(await stateIds(app, { anonymousId: 'anon-ada', userId: 'ada' })).toEqual(['tour']);
    const paused = await admin(app, 'POST', '/v1/admin/prompts/tour/pause');
    expect(await paused.json()).toMatchObject({ version: 3, prompt: { id: 'tour', status: 'draft' } });
    expect(await stateIds(app, { anonymousId: 'anon-ada', userId: 'ada' })).toEqual([]);

    await admin(app, 'POST', '/v1/admin/prompts/old/archive');
    const bulk = await admin(app, 'POST', '/v1/admin/prompts/archive', { body: { ids: ['tour', 'setup', 'old', 'missing', 'tour'] } });
    expect(bulk.status).toBe(200);
    expect(await bulk.json()).toEqual({ archived: ['tour', 'setup', 'old'], notFound: ['missing'] });
    const list = (await (await admin(app, 'GET', '/v1/admin/prompts')).json()) as { prompts: { prompt: { id: string; status: string } }[] };
    expect(list.prompts.map((r) => r.prompt.status)).toEqual(['archived', 'archived', 'archived']);

    const empty = await admin(app, 'POST', '/v1/admin/prompts/archive', { body: { ids: [] } });
    expect(empty.status).toBe(400);
    expect(await errorOf(empty)).toMatchObject({ code: 'invalid_ids', issues: [{ path: 'ids', message: 'name at least one id' }] });
  });

  it('schedules a prompt published before its start', async () => {
    const { app } = await promptApp([]);
    const later = { ...draft(), schedule: { startAt: new Date(NOW + 86_400_000).toISOString() } };
    await admin(app, 'POST', '/v1/admin/prompts', { body: later });
    expect(await (await admin(app, 'POST', '/v1/admin/prompts/onboarding/publish')).json()).toMatchObject({
      prompt: { status: 'scheduled' },
    });
  });

  it('refuses invalid prompts with the failing paths, a changed id and a stale If-Match', async () => {
    const { app } = await promptApp([]);
    const invalid = await admin(app, 'POST', '/v1/admin/prompts', {
      body: { id: 'Bad Id', kind: 'checklist', content: { title: '', items: [] } },
    });
    expect(invalid.status).toBe(400);
    const error = await errorOf(invalid);
    expect(error.code).toBe('invalid_prompt');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['content.items', 'content.title', 'id']);
    expect((await errorOf(await admin(app, 'POST', '/v1/admin/prompts', { body: '{nope' }))).code).toBe('malformed_json');

    await admin(app, 'POST', '/v1/admin/prompts', { body: draft() });
    const renamed = await admin(app, 'PUT', '/v1/admin/prompts/onboarding', { body: { ...draft(), id: 'other' } });
    expect(await errorOf(renamed)).toMatchObject({ code: 'invalid_prompt', issues: [{ path: 'id' }] });
    expect((await admin(app, 'PUT', '/v1/admin/prompts/onboarding', { body: draft(), headers: { 'If-Match': '"1"' } })).status).toBe(200);
    const stale = await admin(app, 'PUT', '/v1/admin/prompts/onboarding', { body: draft(), headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await errorOf(stale)).code).toBe('version_mismatch');
  });

  it('keeps an API edit when the config file is seeded again', async () => {
    const seeded = checklistInput('from-file', { title: 'From the file' });
    const { app, store, config } = await promptApp([seeded]);
    await admin(app, 'PUT', '/v1/admin/prompts/from-file', { body: { ...seeded, content: { ...seeded.content, title: 'Edited' } } });
    expect(await seedPrompts(store, parseConfig(config), NOW + 1)).toEqual(new Map([['acme', { inserted: [], updated: [] }]]));
    expect(await (await admin(app, 'GET', '/v1/admin/prompts/from-file')).json()).toMatchObject({
      origin: 'api',
      prompt: { content: { title: 'Edited' } },
    });
  });
});

describe('admin API: why is this not showing?', () => {
  it('names the gate that holds a prompt back, per user', async () => {
    const { app } = await promptApp([checklistInput('admins', { audience: roleIs('admin') }), draft()]);
    await identify(app, 'ada', { role: 'admin' });
    await identify(app, 'max', { role: 'member' });
    type Explained = { showing: boolean; summary: string; steps: { step: string; ok: boolean; reason: string }[] };
    const explain = async (path: string) => (await (await admin(app, 'GET', path)).json()) as Explained;
    const failed = (e: Explained) => e.steps.filter((s) => !s.ok).map((s) => s.step);

    const forAda = await explain('/v1/admin/prompts/admins/explain?userId=ada');
    expect(forAda.showing).toBe(true);
    const forMax = await explain('/v1/admin/prompts/admins/explain?userId=max');
    expect(forMax.showing).toBe(false);
    expect(failed(forMax)).toEqual(['audience']);
    expect(forMax.summary).toContain('member');
    const forVisitor = await explain('/v1/admin/prompts/admins/explain?anonymousId=visitor');
    expect(failed(forVisitor)).toEqual(['audience']);
    const drafted = await explain('/v1/admin/prompts/onboarding/explain?userId=ada');
    expect(failed(drafted)).toEqual(['status']);
    expect(drafted.summary).toContain('draft');

    expect((await admin(app, 'GET', '/v1/admin/prompts/admins/explain')).status).toBe(400);
    expect((await admin(app, 'GET', '/v1/admin/prompts/nope/explain?userId=ada')).status).toBe(404);
  });
});
