import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { NOW, errorOf, userToken } from '../../test-support/http.js';
import { getState, identify, stateIds, track } from '../../test-support/prompts.js';
import { npsInput, nps, respond, surveyApp } from '../../test-support/surveys.js';
import { webhookReceiver } from '../../test-support/webhook-receiver.js';
import { verifyWebhook } from '@hearth/node';

const SECRET = 'whsec_test_0123456789abcdefghij';
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function receiver() {
  const hook = await webhookReceiver();
  closers.push(hook.close);
  return hook;
}

describe('POST /v1/responses', () => {
  it('stores one response per user and cycle with the answer-time traits; retries are duplicates, the comment updates it', async () => {
    const { app, store } = await surveyApp([npsInput()]);
    await identify(app, 'ada', { plan: 'pro' });
    const first = await respond(app, { userId: 'ada', answer: nps(3), locale: 'nb' });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'created', cycle: 1 });
    expect(await (await respond(app, { userId: 'ada', answer: nps(3) })).json()).toEqual({ outcome: 'duplicate', cycle: 1 });
    expect(await (await respond(app, { userId: 'ada', answer: nps(3), comment: '  too slow  ' })).json()).toEqual({
      outcome: 'updated',
      cycle: 1,
    });
    await identify(app, 'ada', { plan: 'business' });
    expect(await store.responses.get('acme', 'nps', { userId: 'ada' }, 1)).toMatchObject({
      answer: nps(3),
      comment: 'too slow',
      traits: { plan: 'pro' },
      locale: 'nb',
      answeredAt: new Date(NOW),
    });
  });

  it('refuses what does not fit: unknown survey 404, other type 422, another score 409, an unopened cycle 409', async () => {
    const { app } = await surveyApp([npsInput()]);
    expect((await respond(app, { surveyId: 'nope', answer: nps(3) })).status).toBe(404);
    const wrongType = await respond(app, { answer: { type: 'csat', score: 2 } });
    expect(wrongType.status).toBe(422);
    expect((await errorOf(wrongType)).issues).toEqual([{ path: 'answer.type', message: '"nps" is an NPS survey, not csat' }]);
    const bad = await respond(app, { answer: nps(11) });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues?.[0]?.path).toBe('answer.score');
    expect((await respond(app, { answer: nps(3) })).status).toBe(200);
    const changed = await respond(app, { answer: nps(9) });
    expect(changed.status).toBe(409);
    expect((await errorOf(changed)).issues?.[0]?.path).toBe('answer.score');
    const early = await respond(app, { cycle: 2, answer: nps(9) });
    expect(early.status).toBe(409);
    expect((await errorOf(early)).issues?.[0]?.path).toBe('cycle');
  });

  it('resolves the user like /v1/state: an enforcing project needs a valid token', async () => {
    const { app, store } = await surveyApp([npsInput()], { identityVerification: { enforce: true } });
    expect((await respond(app, { userId: 'ada', userToken: undefined, answer: nps(8) })).status).toBe(401);
    const ok = await respond(app, { userId: 'ada', userToken: await userToken('ada'), answer: nps(8) });
    expect(ok.status).toBe(200);
    expect(await store.responses.latest('acme', 'nps', { userId: 'ada' })).toMatchObject({ answer: nps(8) });
  });

  it('hides the survey from /v1/state after a response, and for the snooze period after "ask me later"', async () => {
    const { app, clock } = await surveyApp([npsInput()]);
    await identify(app, 'ada');
    await identify(app, 'max');
    expect(await stateIds(app, { anonymousId: 'anon-ada', userId: 'ada' })).toEqual(['nps']);
    await respond(app, { userId: 'ada', answer: nps(10) });
    expect(await stateIds(app, { anonymousId: 'anon-ada', userId: 'ada' })).toEqual([]);

    await track(app, 'max', '$survey_snoozed', { properties: { promptId: 'nps', kind: 'survey', cycle: 1 } });
    expect(await stateIds(app, { anonymousId: 'anon-max', userId: 'max' })).toEqual([]);
    clock.now = NOW + 7 * DAY_MS + 1;
    const state = (await (await getState(app, { anonymousId: 'anon-max', userId: 'max' })).json()) as { prompts: unknown[] };
    expect(state.prompts).toEqual([expect.objectContaining({ id: 'nps', cycle: 1 })]);
    // Ada's next cycle opens 90 days after her answer.
    clock.now = NOW + 90 * DAY_MS;
    expect(((await (await getState(app, { anonymousId: 'anon-ada', userId: 'ada' })).json()) as { prompts: unknown[] }).prompts).toEqual([
      expect.objectContaining({ id: 'nps', cycle: 2 }),
    ]);
  });

  it('sends a signed webhook for a detractor (created, then updated with the comment) and records the attempts', async () => {
    const hook = await receiver();
    const { app, store } = await surveyApp([npsInput()], {
      webhooks: [{ url: hook.url, secrets: [SECRET] }],
      allowPrivateWebhookTargets: true,
    });
    await identify(app, 'ada', { plan: 'pro' });
    await respond(app, { userId: 'ada', answer: nps(9) });
    await respond(app, { userId: 'max', answer: nps(2) });
    await respond(app, { userId: 'max', answer: nps(2), comment: 'exports break' });
    await vi.waitFor(() => expect(hook.received).toHaveLength(2));
    const events = hook.received.map(({ body, headers }) => {
      const verified = verifyWebhook({ body, header: headers['hearth-signature'] as string, secrets: [SECRET] });
      expect(verified.ok).toBe(true);
      expect(verifyWebhook({ body, header: headers['hearth-signature'] as string, secrets: ['whsec_wrong_0123456789abcdefghij'] }).ok).toBe(
        false,
      );
      return JSON.parse(body);
    });
    expect(events.map((e) => [e.type, e.data.userId, e.data.group, e.data.comment]).sort()).toEqual([
      ['survey.response.created', 'max', 'detractor', null],
      ['survey.response.updated', 'max', 'detractor', 'exports break'],
    ]);
    const id = hook.received.map((r) => r.headers['hearth-delivery'] as string)[0] as string;
    await vi.waitFor(async () =>
      expect(await store.responses.attempts('acme', id)).toEqual([
        expect.objectContaining({ attempt: 1, status: 204, outcome: 'delivered' }),
      ]),
    );
  });
});
