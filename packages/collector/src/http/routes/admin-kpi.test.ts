import { describe, expect, it } from 'vitest';
import { NOW, errorOf } from '../../test-support/http.js';
import { admin, checklistInput, identify, promptApp, track } from '../../test-support/prompts.js';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW - hours * HOUR).toISOString();
const shown = { promptId: 'setup', kind: 'checklist' };

/**
 * Hand-computed: ada (pro) shown −5 h, creates −4 h, invites −3 h → completed in 2 h; max (free)
 * shown −5 h, creates −4 h → started; bob (pro) only shown. Over the last day: shown 3, started 2,
 * completed 1 (median 2 h), items create 2 and invite 1. plan:pro → ada and bob.
 */
async function fixture() {
  const { app } = await promptApp([checklistInput('setup', { events: ['Project Created', 'Teammate Invited'] })]);
  await identify(app, 'ada', { plan: 'pro' });
  await identify(app, 'max', { plan: 'free' });
  await identify(app, 'bob', { plan: 'pro' });
  for (const user of ['ada', 'max', 'bob']) await track(app, user, '$prompt_shown', { properties: shown, timestamp: ago(5) });
  for (const user of ['ada', 'max']) await track(app, user, 'Project Created', { timestamp: ago(4) });
  await track(app, 'ada', 'Teammate Invited', { timestamp: ago(3) });
  return app;
}

describe('GET /v1/admin/kpi/checklists/:id', () => {
  it('computes the checklist KPIs for the range, and for a trait segment', async () => {
    const app = await fixture();
    const res = await admin(app, 'GET', `/v1/admin/kpi/checklists/setup?from=${ago(24)}&to=${new Date(NOW).toISOString()}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      promptId: 'setup',
      definition: 'docs/reference/kpi-definitions.md: Engagement and adoption → Onboarding / checklist',
      range: { from: ago(24), to: new Date(NOW).toISOString() },
      segment: null,
      shown: 3,
      started: 2,
      completed: 1,
      startedRate: (2 / 3) * 100,
      completionRate: (1 / 3) * 100,
      completionRateOfStarted: 50,
      medianTimeToCompleteMs: 2 * HOUR,
      items: [
        { itemId: 'step-1', completed: 2, rate: (2 / 3) * 100 },
        { itemId: 'step-2', completed: 1, rate: (1 / 3) * 100 },
      ],
      uplift: null,
    });
    const pro = await (await admin(app, 'GET', '/v1/admin/kpi/checklists/setup?trait=plan:pro')).json();
    expect(pro).toMatchObject({ shown: 2, started: 1, completed: 1, segment: { trait: 'plan', op: 'equals', value: 'pro' } });
    // Defaults to the 30 days up to now; a range before anyone saw it is empty, rates undefined.
    const empty = await (await admin(app, 'GET', `/v1/admin/kpi/checklists/setup?to=${ago(6)}`)).json();
    expect(empty).toMatchObject({ shown: 0, startedRate: null, medianTimeToCompleteMs: null });
  });

  it('compares a segment typed: seats:5 matches the number 5 and the text "5", not 50', async () => {
    const app = await fixture();
    await identify(app, 'ada', { seats: 5 });
    await identify(app, 'max', { seats: '5' });
    await identify(app, 'bob', { seats: 50 });
    const five = await (await admin(app, 'GET', '/v1/admin/kpi/checklists/setup?trait=seats:5')).json();
    expect(five).toMatchObject({ shown: 2, started: 2, completed: 1, segment: { trait: 'seats', op: 'in', values: ['5', 5] } });
  });

  it('refuses an unknown checklist and a bad range', async () => {
    const app = await fixture();
    expect((await admin(app, 'GET', '/v1/admin/kpi/checklists/nope')).status).toBe(404);
    const bad = await admin(app, 'GET', `/v1/admin/kpi/checklists/setup?from=yesterday&trait=plan`);
    expect((await errorOf(bad)).issues?.map((i) => i.path).sort()).toEqual(['from', 'trait']);
    const reversed = await admin(app, 'GET', `/v1/admin/kpi/checklists/setup?from=${ago(1)}&to=${ago(2)}`);
    expect(await errorOf(reversed)).toMatchObject({ code: 'invalid_query', issues: [{ path: 'from' }] });
  });
});
