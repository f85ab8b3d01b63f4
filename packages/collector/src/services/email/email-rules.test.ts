import type { EmailKpis } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { inSample } from '../../domain/targeting/sampling.js';
import { bothStores } from '../../test-support/both-stores.js';
import { DAY, digestMessage, emailFixture } from '../../test-support/email-fixture.js';
import { emailEnv } from '../../test-support/email-env.js';
import { npsInput } from '../../test-support/surveys.js';
import { planMessage } from './plan.js';

const kpisOf = async (f: ReturnType<typeof emailFixture>, id: string) =>
  (await (await f.admin('GET', `/v1/admin/email/messages/${id}/kpis`)).json()) as EmailKpis;

describe.each(bothStores('hearth_email_rules'))('lifecycle email rules and limits ($name)', (kind) => {
  const env = emailEnv(kind);

  it('the onboarding rule writes once to an audience member who has not done the event within N days of first seen; who did it, who is outside the audience or is too new gets nothing', async () => {
    const f = emailFixture(env.store, env.catcher, {
      messages: [
        {
          id: 'get-started',
          kind: 'onboarding',
          status: 'live',
          event: 'project_created',
          withinDays: 7,
          audience: { type: 'trait', trait: 'role', op: 'equals', value: 'admin' },
          content: { subject: 'Your first project, {{user.name | "there"}}', body: 'It takes a minute.' },
        },
      ],
    });
    for (const userId of ['stuck-admin', 'did-it', 'member']) {
      await f.user(userId, 8, { firstSeenDaysAgo: 8, traits: { name: userId, role: userId === 'member' ? 'member' : 'admin' } });
    }
    await f.user('too-new', 3, { firstSeenDaysAgo: 3, traits: { name: 'too-new', role: 'admin' } });
    // "did-it" created a project two days after first being seen.
    f.clock.now -= 6 * DAY;
    await f.activity('did-it', 'project_created');
    f.clock.now += 6 * DAY;

    await f.tick();
    await f.tick();
    f.clock.now += DAY;
    await f.tick();
    const mails = env.catcher.to('stuck-admin@people.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Your first project, stuck-admin');
    for (const userId of ['did-it', 'member', 'too-new']) expect(env.catcher.to(`${userId}@people.test`)).toHaveLength(0);
    expect(await kpisOf(f, 'get-started')).toMatchObject({ sent: 1, delivered: 1 });
    f.close();
  });

  it("holds sends past the project's daily cap until the next UTC day, then sends them", async () => {
    const f = emailFixture(env.store, env.catcher, {
      project: { email: { from: 'Acme <news@acme.test>', holdoutPercent: 0, dailyCap: 2, messages: [digestMessage()] } },
    });
    const users = ['cap-1', 'cap-2', 'cap-3', 'cap-4', 'cap-5'];
    for (const userId of users) await f.user(userId, 40);
    await f.announce('news', 10);
    const delivered = () => users.filter((userId) => env.catcher.to(`${userId}@people.test`).length > 0).length;

    await f.tick();
    await f.tick();
    expect(delivered()).toBe(2);
    expect(await kpisOf(f, 'whats-new')).toMatchObject({ delivered: 2, queued: 3 });
    f.clock.now += DAY;
    await f.tick();
    expect(delivered()).toBe(4);
    f.clock.now += DAY;
    await f.tick();
    expect(delivered()).toBe(5);
    for (const userId of users) expect(env.catcher.to(`${userId}@people.test`)).toHaveLength(1);
    f.close();
  });

  it('one fatigue budget across channels: a user emailed the NPS survey today is not also asked it in the app', async () => {
    const f = emailFixture(env.store, env.catcher, {
      messages: [
        { id: 'nps-mail', kind: 'nps', status: 'live', surveyId: 'nps', content: { subject: 'Quick question', body: 'One click.' } },
      ],
      project: { prompts: [npsInput('nps')] },
    });
    await f.seedPrompts();
    await f.user('emailed', 20);
    // Same absence, but the host never vouched for an address: no email, so the app may ask.
    await f.user('not-emailed', 20, { trusted: {} });
    await f.tick();
    expect(env.catcher.to('emailed@people.test')).toHaveLength(1);
    expect(await f.stateIds('not-emailed')).toContain('nps');
    expect(await f.stateIds('emailed')).not.toContain('nps');
    f.close();
  });

  it("keeps the message's holdout share unsent but measured, and compares its reactivation", async () => {
    const message = digestMessage({ holdoutPercent: 50 });
    const f = emailFixture(env.store, env.catcher, { messages: [message] });
    const users = Array.from({ length: 16 }, (_, i) => `held-${i}`);
    for (const userId of users) await f.user(userId, 40);
    await f.announce('news', 10);
    const heldOut = users.filter((userId) => inSample(50, 'email-holdout:whats-new', userId));
    expect(heldOut.length).toBeGreaterThan(0);
    expect(heldOut.length).toBeLessThan(users.length);

    await f.tick();
    for (const userId of users) expect(env.catcher.to(`${userId}@people.test`)).toHaveLength(heldOut.includes(userId) ? 0 : 1);
    // A held-out user and a sent one come back within the week.
    f.clock.now += 2 * DAY;
    await f.activity(heldOut[0]!);
    await f.activity(users.find((userId) => !heldOut.includes(userId))!);
    const kpis = await kpisOf(f, 'whats-new');
    expect(kpis).toMatchObject({
      delivered: users.length - heldOut.length,
      holdout: heldOut.length,
      reactivated: 1,
      holdoutReactivated: 1,
      uplift: { exposed: { n: users.length - heldOut.length }, control: { n: heldOut.length }, verdict: 'too-small' },
    });
    expect(kpis.uplift.warning).toMatch(/^Too few to tell/);
    f.close();
  });

  it('the digest plan moves on past users with nothing new, so they cannot starve the users after them', async () => {
    const f = emailFixture(env.store, env.catcher);
    await f.user('aaa-free-1', 40, { traits: { name: 'a1', plan: 'free' } });
    await f.user('aaa-free-2', 40, { traits: { name: 'a2', plan: 'free' } });
    await f.user('zzz-pro', 40, { traits: { name: 'z', plan: 'pro' } });
    // Only pro users see this announcement: the free ones stay candidates with nothing new.
    const res = await f.admin('POST', '/v1/admin/announcements', {
      id: 'pro-news',
      status: 'live',
      publishAt: new Date(f.clock.now - 10 * DAY).toISOString(),
      audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
      content: { title: 'For pro', body: 'Pro only.' },
    });
    expect(res.status).toBe(201);
    await f.email.seedMessages();
    const { message } = (await env.store.email.getMessage(f.projectId, 'whats-new'))!;
    // Two users per round: the first round sees the two free users, the next one reaches the pro user.
    expect(await planMessage(env.store, f.project(), message, f.clock.now, 2)).toBe(0);
    expect(await planMessage(env.store, f.project(), message, f.clock.now, 2)).toBe(1);
    // Back at the start: nothing new for anyone, and the pro user is not planned twice.
    expect(await planMessage(env.store, f.project(), message, f.clock.now, 2)).toBe(0);
    expect(await planMessage(env.store, f.project(), message, f.clock.now, 2)).toBe(0);
    expect((await env.store.email.history(f.projectId, 'whats-new', 10)).map((s) => s.userId)).toEqual(['zzz-pro']);
    f.close();
  });
});
