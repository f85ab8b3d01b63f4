import { describe, expect, it } from 'vitest';
import { bothStores } from '../../test-support/both-stores.js';
import { DAY, digestMessage, emailFixture } from '../../test-support/email-fixture.js';
import { emailEnv } from '../../test-support/email-env.js';

/** The links of a parsed mail's HTML part whose path starts with `path`. */
const linksIn = (html: string, path: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')).filter((href) => href.includes(path));
const pathOf = (url: string) => url.replace('https://hearth.acme.test', '');

describe.each(bothStores('hearth_email'))('lifecycle email over real SMTP ($name)', (kind) => {
  const env = emailEnv(kind);

  it('sends a 40-day-inactive user exactly the announcements since their last activity, once; an active user and a user without consent get nothing', async () => {
    const f = emailFixture(env.store, env.catcher);
    await f.user('gone-40', 40, { traits: { name: 'Grace' } });
    await f.user('active-1', 1);
    await f.user('no-consent', 40, { trusted: { email: 'no-consent@people.test' } });
    await f.user('browser-only', 40, { traits: { email: 'browser-only@people.test', emailConsent: true }, trusted: {} });
    await f.announce('before-absence', 45);
    await f.announce('during-1', 20);
    await f.announce('during-2', 3);
    await f.tick();
    await f.tick();
    const mails = env.catcher.to('gone-40@people.test');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.subject).toBe('What is new at Acme, Grace');
    expect(mail!.text).toContain('Feature during-1');
    expect(mail!.text).toContain('Feature during-2');
    expect(mail!.text).not.toContain('Feature before-absence');
    expect(mail!.html).toContain('Feature during-2');
    expect(mail!.html).not.toContain('before-absence');
    expect(mail!.html).toContain('style="');
    expect(env.catcher.header(mail!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(env.catcher.header(mail!, 'List-Unsubscribe')).toMatch(/^<https:\/\/hearth\.acme\.test\/v1\/email\/unsubscribe\?t=/);
    expect(mail!.html).toContain('Unsubscribe</a>');
    for (const other of ['active-1', 'no-consent', 'browser-only']) expect(env.catcher.to(`${other}@people.test`)).toHaveLength(0);
    // The in-app digest knows the email went: the state shows no second digest for this absence.
    const kpis = await (await f.admin('GET', '/v1/admin/email/messages/whats-new/kpis')).json();
    expect(kpis).toMatchObject({ sent: 1, delivered: 1, bounced: 0 });
    f.close();
  });

  it('sends nothing when nothing shipped during the absence', async () => {
    const f = emailFixture(env.store, env.catcher);
    await f.user('quiet-40', 40);
    await f.announce('old-news', 50);
    await f.tick();
    expect(env.catcher.to('quiet-40@people.test')).toHaveLength(0);
    f.close();
  });

  it('a one-click unsubscribe (RFC 8058 POST) stops the next send; a GET only asks', async () => {
    const f = emailFixture(env.store, env.catcher);
    await f.user('leaver', 40);
    await f.user('stayer', 40);
    await f.announce('first', 10);
    await f.tick();
    const [mail] = env.catcher.to('leaver@people.test');
    const url = pathOf(/<(.+)>/.exec(env.catcher.header(mail!, 'List-Unsubscribe')!)![1]!);
    const asked = await f.app.request(url);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('<form method="post"');
    const done = await f.app.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    // Both come back the next day, then stay away another 40 days while something new ships.
    f.clock.now += DAY;
    await f.activity('leaver');
    await f.activity('stayer');
    f.clock.now += 40 * DAY;
    await f.announce('second', 5);
    await f.tick();
    expect(env.catcher.to('leaver@people.test')).toHaveLength(1);
    expect(env.catcher.to('stayer@people.test')).toHaveLength(2);
    const kpis = await (await f.admin('GET', '/v1/admin/email/messages/whats-new/kpis')).json();
    expect(kpis).toMatchObject({ unsubscribed: 1 });
    f.close();
  });

  it('retries a temporary 4xx with back-off and gives up on a 5xx, which stops later sends to that address', async () => {
    const f = emailFixture(env.store, env.catcher);
    await f.user('greylisted', 40);
    await f.user('no-mailbox', 40);
    env.catcher.reply('greylisted@people.test', { code: 451, message: 'Greylisted, try again later', times: 1 });
    env.catcher.reply('no-mailbox@people.test', { code: 550, message: 'No such mailbox' });
    await f.announce('news', 10);
    await f.tick();
    expect(env.catcher.to('greylisted@people.test')).toHaveLength(0);
    f.clock.now += 61_000;
    await f.tick();
    expect(env.catcher.to('greylisted@people.test')).toHaveLength(1);
    const sends = (await (await f.admin('GET', '/v1/admin/email/sends')).json()) as {
      sends: { userId: string; status: string; attempts: number; bounced: boolean }[];
    };
    expect(sends.sends.find((s) => s.userId === 'greylisted')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sends.sends.find((s) => s.userId === 'no-mailbox')).toMatchObject({ status: 'failed', attempts: 1, bounced: true });
    expect(await env.store.email.suppressions(f.projectId, 'no-mailbox')).toEqual(['*']);
    const kpis = await (await f.admin('GET', '/v1/admin/email/messages/whats-new/kpis')).json();
    expect(kpis).toMatchObject({ sent: 2, delivered: 1, bounced: 1, failed: 1 });
    f.close();
  });

  it('escapes hostile traits in the HTML part and keeps them inert in the text part', async () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&';
    const f = emailFixture(env.store, env.catcher, {
      messages: [
        digestMessage({
          content: {
            subject: 'Hi {{user.name}}\r\nBcc: victim@evil.test',
            body: 'Hello {{user.name}}, see [your site]({{user.website}}).',
          },
        }),
      ],
    });
    await f.user('mallory', 40, { traits: { name: hostile, website: 'javascript:alert(1)' } });
    await f.announce('news', 10);
    await f.tick();
    const [mail] = env.catcher.to('mallory@people.test');
    expect(mail!.html).not.toContain('<img src=x');
    expect(mail!.html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;');
    expect(mail!.html).not.toMatch(/href="javascript:/i);
    expect(mail!.text).toContain(hostile);
    expect(mail!.text).not.toContain('javascript:');
    expect(mail!.bcc).toBeUndefined();
    expect(mail!.subject).not.toContain('\n');
    f.close();
  });

  it('a click goes through the signed redirect once recorded; a changed target is refused', async () => {
    const f = emailFixture(env.store, env.catcher);
    await f.user('clicker', 40);
    await f.announce('news', 10);
    await f.tick();
    const [mail] = env.catcher.to('clicker@people.test');
    const [click] = linksIn(mail!.html as string, '/v1/email/click');
    const res = await f.app.request(pathOf(click!));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://acme.test/news');
    const [body, signature] = new URL(click!).searchParams.get('t')!.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, url: 'https://evil.test/' })).toString('base64url');
    expect((await f.app.request(`/v1/email/click?t=${forged}.${signature}`)).status).toBe(400);
    expect(await (await f.admin('GET', '/v1/admin/email/messages/whats-new/kpis')).json()).toMatchObject({ clicked: 1 });
    f.close();
  });
});
