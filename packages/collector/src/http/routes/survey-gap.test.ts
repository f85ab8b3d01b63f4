import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { bothStores } from '../../test-support/both-stores.js';
import { NOW } from '../../test-support/http.js';
import { admin, identify, stateIds, track } from '../../test-support/prompts.js';
import { npsInput, nps, respond, surveyApp } from '../../test-support/surveys.js';

const surveys = [
  npsInput('nps', { priority: 2 }),
  npsInput('csat', { priority: 1, content: { type: 'csat', question: 'How was checkout?' } }),
];
// A roomy budget, so only the wait between surveys can hold the second one back.
const project = { fatigue: { maxInterruptingPerDay: 5 } };

describe.each(bothStores('hearth_survey_gap'))('the wait between two surveys ($name)', (kind) => {
  it('keeps a second survey away for 14 days after the first, on the collector clock, and explains why', async () => {
    const { app, clock } = await surveyApp(surveys, project, await kind.open());
    const ada = { anonymousId: 'anon-ada', userId: 'ada' };
    await identify(app, 'ada');
    expect(await stateIds(app, ada)).toEqual(['nps', 'csat']);
    await track(app, 'ada', '$prompt_shown', { properties: { promptId: 'nps', kind: 'survey', cycle: 1 } });
    expect((await respond(app, { userId: 'ada', answer: nps(9) })).status).toBe(200);

    clock.now = NOW + DAY_MS;
    expect(await stateIds(app, ada)).toEqual([]);
    const explained = (await (await admin(app, 'GET', '/v1/admin/prompts/csat/explain?userId=ada')).json()) as {
      showing: boolean;
      summary: string;
    };
    expect(explained.showing).toBe(false);
    expect(explained.summary).toContain(
      'fatigue: the user saw the survey "nps" on 2026-11-22T12:00:00.000Z and the project waits 14 days between two surveys (next: 2026-12-06T12:00:00.000Z)',
    );

    // The answer (timed by the collector) is the latest time a survey was on screen.
    clock.now = NOW + 14 * DAY_MS - 1;
    expect(await stateIds(app, ada)).toEqual([]);
    clock.now += 1;
    expect(await stateIds(app, ada)).toEqual(['csat']);
  });

  it('a product manager changes the wait in the settings, and the next state follows it', async () => {
    const { app, clock } = await surveyApp(surveys, project, await kind.open());
    const max = { anonymousId: 'anon-max', userId: 'max' };
    await identify(app, 'max');
    // The answer alone holds the other survey: the display event may still be in the widget's outbox.
    await respond(app, { userId: 'max', answer: nps(3) });
    clock.now = NOW + 3 * DAY_MS;
    expect(await stateIds(app, max)).toEqual([]);
    const patched = await admin(app, 'PATCH', '/v1/admin/settings', {
      body: { fatigue: { maxInterruptingPerDay: 5, minDaysBetweenSurveys: 2 } },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ fatigue: { maxInterruptingPerDay: 5, minDaysBetweenSurveys: 2 } });
    expect(await stateIds(app, max)).toEqual(['csat']);
    const refused = await admin(app, 'PATCH', '/v1/admin/settings', { body: { fatigue: { minDaysBetweenSurveys: -3 } } });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { issues: unknown[] } }).error.issues).toEqual([
      { path: 'fatigue.minDaysBetweenSurveys', message: 'minDaysBetweenSurveys must not be negative' },
    ]);
  });
});
