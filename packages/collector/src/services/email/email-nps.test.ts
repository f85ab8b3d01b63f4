import { describe, expect, it } from 'vitest';
import { bothStores } from '../../test-support/both-stores.js';
import { DAY, emailFixture } from '../../test-support/email-fixture.js';
import { emailEnv } from '../../test-support/email-env.js';
import { npsInput } from '../../test-support/surveys.js';

const scoreLinks = (html: string) =>
  [...html.matchAll(/href="([^"]+\/v1\/email\/nps\?[^"]+)"/g)].map((m) =>
    m[1]!.replaceAll('&amp;', '&').replace('https://hearth.acme.test', ''),
  );

describe.each(bothStores('hearth_email_nps'))('NPS by email ($name)', (kind) => {
  const env = emailEnv(kind);

  const npsFixture = () =>
    emailFixture(env.store, env.catcher, {
      messages: [
        {
          id: 'nps-mail',
          kind: 'nps',
          status: 'live',
          surveyId: 'nps',
          content: { subject: 'Quick question, {{user.name | "friend"}}', body: 'One click is all it takes.' },
        },
      ],
      project: {
        prompts: [npsInput('nps', { content: { type: 'nps', product: 'Acme', followUp: { detractor: 'What should we fix first?' } } })],
      },
    });

  it('eleven signed links: one click records the score once, a second click is idempotent, a later score replaces an earlier one (a mail filter fetched it first), and the in-app survey shares the cycle', async () => {
    const f = npsFixture();
    await f.seedPrompts();
    await f.user('unreached', 20);
    await f.user('in-app', 2);
    await f.tick();
    expect(env.catcher.to('in-app@people.test')).toHaveLength(0);
    const [mail] = env.catcher.to('unreached@people.test');
    const links = scoreLinks(mail!.html as string);
    expect(links).toHaveLength(11);
    expect(mail!.text).toContain('10: https://hearth.acme.test/v1/email/nps?t=');

    // A link-scanning mail filter fetches a score link before the person reads the email.
    expect((await f.app.request(links[0]!)).status).toBe(200);
    const first = await f.app.request(links[3]!);
    expect(first.status).toBe(200);
    const page = await first.text();
    expect(page).toContain('data-score="3"');
    expect(page).toContain('What should we fix first?');
    expect((await f.app.request(links[3]!)).status).toBe(200);
    const responses = await env.store.users.responses(f.projectId, 'unreached');
    expect(responses.map((r) => [r.cycle, r.answer])).toEqual([[1, { type: 'nps', score: 3 }]]);

    // The follow-up comment joins the same answer.
    const comment = await f.app.request(links[3]!, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'comment=Too+slow',
    });
    expect(comment.status).toBe(200);
    expect((await env.store.users.responses(f.projectId, 'unreached'))[0]).toMatchObject({ comment: 'Too slow' });

    // Nothing more is planned for this cycle on either channel.
    f.clock.now += DAY;
    await f.tick();
    expect(env.catcher.to('unreached@people.test')).toHaveLength(1);
    f.close();
  });

  it('refuses a forged link and an expired one', async () => {
    const f = npsFixture();
    await f.seedPrompts();
    await f.user('late', 20);
    await f.tick();
    const [mail] = env.catcher.to('late@people.test');
    const [zero, , , , , , , , , , ten] = scoreLinks(mail!.html as string);
    const token = new URL(ten!, 'https://x.test').searchParams.get('t')!;
    const [body] = token.split('.');
    const zeroSignature = new URL(zero!, 'https://x.test').searchParams.get('t')!.split('.')[1];
    expect((await f.app.request(`/v1/email/nps?t=${body}.${zeroSignature}`)).status).toBe(400);
    expect((await f.app.request(`/v1/email/nps?t=${body}.${'A'.repeat(43)}`)).status).toBe(400);
    f.clock.now += 15 * DAY;
    expect((await f.app.request(ten!)).status).toBe(410);
    expect(await env.store.users.responses(f.projectId, 'late')).toEqual([]);
    f.close();
  });
});
