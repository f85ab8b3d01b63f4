import { checklistPromptSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { drawnArm } from '../../domain/checklist/holdout.js';
import { bothStores } from '../../test-support/both-stores.js';
import { NOW } from '../../test-support/http.js';
import { admin, checklistInput, getState, promptApp, stateIds, track } from '../../test-support/prompts.js';

const DAY = 86_400_000;
const setup = { ...checklistInput('setup', { events: ['Project Created'] }), holdout: { percent: 30 } };
const parsed = checklistPromptSchema.parse(setup);
/** The first user ids whose hash puts them in each group at 30 % (the engine's own draw). */
const candidates = Array.from({ length: 40 }, (_, i) => `user-${i}`);
const control = candidates.filter((id) => drawnArm(parsed, id) === 'control');
const exposed = candidates.filter((id) => drawnArm(parsed, id) === 'exposed');
/** An exposed user at 30 % who would be in the control at 50 %: raising the percent must not move them. */
const movable = exposed.find((id) => drawnArm({ ...parsed, holdout: { percent: 50 } }, id) === 'control');

type Explained = { showing: boolean; steps: { step: string; ok: boolean; reason: string }[] };

describe.each(bothStores('hearth_checklist_holdout'))('a checklist with a holdout ($name)', ({ open }) => {
  it('is never shown to its control, keeps each user in one group, and answers the uplift', async () => {
    expect(control.length).toBeGreaterThan(0);
    expect(movable).toBeDefined();
    const { app, store } = await promptApp([setup], {}, await open());
    const [held] = control;
    const shownTo = movable!;
    const ids = (userId: string) => stateIds(app, { userId, anonymousId: `anon-${userId}` });
    // The same answer on every request: the control never gets it, the exposed user always does.
    for (let i = 0; i < 2; i++) {
      expect(await ids(held!)).toEqual([]);
      expect(await ids(shownTo)).toEqual(['setup']);
    }
    // A visitor who has not identified has no lasting group, so does not see it either.
    expect(await stateIds(app, { anonymousId: 'visitor-1' })).toEqual([]);
    expect(await store.prompts.assignments('acme', held!)).toEqual(new Map([['setup', 'control']]));
    expect(await store.prompts.assignments('acme', 'visitor-1')).toEqual(new Map());

    // Raising the percent draws new users only: a recorded group stays.
    const put = await admin(app, 'PUT', '/v1/admin/prompts/setup', { body: { ...setup, holdout: { percent: 50 } } });
    expect(put.status).toBe(200);
    expect(await ids(shownTo)).toEqual(['setup']);
    const explain = async (userId: string) =>
      (await (await admin(app, 'GET', `/v1/admin/prompts/setup/explain?userId=${userId}`)).json()) as Explained;
    expect((await explain(shownTo)).steps.find((s) => s.step === 'holdout')).toEqual({
      step: 'holdout',
      ok: true,
      reason: 'the user is recorded in its exposed group',
    });
    const forHeld = await explain(held!);
    expect(forHeld.showing).toBe(false);
    expect(forHeld.steps.find((s) => s.step === 'holdout')?.reason).toBe(
      'the user is recorded in its 50 % control group, which never sees it',
    );

    // Both did the item; the KPI route compares the groups recorded in the range (1 user each: too small).
    for (const userId of [held!, shownTo]) await track(app, userId, 'Project Created', { timestamp: new Date(NOW).toISOString() });
    const range = `from=${new Date(NOW - DAY).toISOString()}&to=${new Date(NOW + 15 * DAY).toISOString()}`;
    const res = await admin(app, 'GET', `/v1/admin/kpi/checklists/setup?${range}`);
    expect(res.status).toBe(200);
    const { uplift } = (await res.json()) as { uplift: Record<string, unknown> & { items: { comparison: Record<string, unknown> }[] } };
    expect(uplift).toMatchObject({ percent: 50, assigned: { exposed: 1, control: 1 }, actionDays: 14, allItems: { difference: 0 } });
    expect(uplift.items[0]!.comparison).toMatchObject({
      exposed: { n: 1, value: 100 },
      control: { n: 1, value: 100 },
      difference: 0,
      verdict: 'too-small',
      warning: expect.stringContaining('each group needs at least 30'),
    });
    const state = await getState(app, { userId: held!, anonymousId: `anon-${held!}` });
    expect(((await state.json()) as { prompts: unknown[] }).prompts).toEqual([]);
  });
});
