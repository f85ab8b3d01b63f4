import { collectorConfigSchema, unstorableTextReason, type CollectorConfigInput } from '@hearth/schema';
import { LINK_TRICKS } from '@hearth/schema/link-tricks';
import { Hono } from 'hono';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { testAnnouncementStore } from '../../storage/announcements/test-store.js';
import type { AppEnv } from '../app-env.js';
import { errorHandler, notFound } from '../middleware/error-handler.js';
import { announcementAdminRoutes } from './announcements-admin.js';
import { changelogRoutes } from './changelog.js';
import { ProjectRegistry } from '../../services/project-registry.js';

const SECRET = 'sk_test_acme_secret_0123456789';
const NOW = Date.parse('2026-03-15T12:00:00Z');

function setup(extra: Partial<CollectorConfigInput> = {}) {
  const config = collectorConfigSchema.parse({
    projects: [{ id: 'acme', name: 'Acme', publicKey: 'pk_test_acme', secretKeys: [SECRET] }],
    ...extra,
  });
  const { store } = testAnnouncementStore();
  const app = new Hono<AppEnv>();
  app.onError(errorHandler());
  app.notFound(notFound);
  app.route('/', announcementAdminRoutes({ announcements: store, projects: new ProjectRegistry(config.projects), clock: () => NOW }));
  app.route('/', changelogRoutes({ announcements: store, projects: new ProjectRegistry(config.projects), config, clock: () => NOW }));
  const publish = async (id: string, content: object, status = 201) => {
    const response = await app.request('/v1/admin/announcements', {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ id, status: 'live', publishAt: '2026-03-01T00:00:00Z', content }),
    });
    expect(response.status, await response.clone().text()).toBe(status);
  };
  return { app, publish };
}

/** Parses with a conforming XML 1.0 parser; throws on the first well-formedness error. */
function parseXml(xml: string): { titles: string[]; links: string[] } {
  const parser = new SaxesParser({ xmlns: true });
  const titles: string[] = [];
  const links: string[] = [];
  let inTitle = false;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    inTitle = tag.local === 'title';
    if (tag.local === 'title') titles.push('');
    if (tag.local === 'link') links.push(String(tag.attributes.href?.value));
  });
  parser.on('closetag', () => (inTitle = false));
  parser.on('text', (text) => {
    if (inTitle) titles[titles.length - 1] += text;
  });
  parser.write(xml).close();
  return { titles, links };
}

// Every C0 and C1 control character, DEL, lone surrogates and the two non-characters XML forbids.
const NASTY = [
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)),
  ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ufffe',
  '\uffff',
];

describe('Atom feed', () => {
  it('stays well-formed XML with every forbidden character in titles, labels and bodies', async () => {
    const { app, publish } = setup();
    // NUL and lone surrogates never reach a feed: no store keeps them, so they are refused at the door.
    const storable = NASTY.filter((c) => !unstorableTextReason(c));
    for (const c of NASTY.filter((c) => unstorableTextReason(c))) await publish('refused', { title: `Title a${c}b`, body: 'Body' }, 400);
    for (const [i, c] of storable.entries()) {
      await publish(`c${i}`, { title: `Title ${i} a${c}b`, categoryLabel: `L${c}`, body: `Body ${c} text & <more>` });
    }
    const response = await app.request('/changelog/acme/feed.xml');
    const xml = await response.text();
    const { titles } = parseXml(xml);
    // The feed's own title plus one per entry (the feed lists the newest 50).
    expect(titles.length).toBe(Math.min(storable.length, 50) + 1);
    for (const title of titles.slice(1)) expect(title).toMatch(/^Title \d+ a[\t\n\r\u007f-\u009f]?b$/u);
  });

  it('takes its links from the configured public URL, never from the Host header', async () => {
    const { app, publish } = setup({ publicUrl: 'https://hearth.example.com/' });
    await publish('one', { title: 'One' });
    const asked = async (host: string) =>
      (await app.request(`http://${host}/changelog/acme/feed.xml`, { headers: { Host: host, 'X-Forwarded-Host': host } })).text();
    const honest = await asked('hearth.example.com');
    expect(await asked('evil.example')).toBe(honest);
    const { links } = parseXml(honest);
    expect(links).toEqual([
      'https://hearth.example.com/changelog/acme/feed.xml',
      'https://hearth.example.com/changelog/acme',
      'https://hearth.example.com/changelog/acme#one',
    ]);
    const page = await (await app.request('http://evil.example/changelog/acme', { headers: { Host: 'evil.example' } })).text();
    expect(page).not.toContain('evil.example');
    expect(page).toContain('href="https://hearth.example.com/changelog/acme/feed.xml"');
  });

  it('without a public URL, links are root-relative and the same for every Host', async () => {
    const { app, publish } = setup();
    await publish('one', { title: 'One' });
    const feed = async (host: string) => (await app.request(`http://${host}/changelog/acme/feed.xml`, { headers: { Host: host } })).text();
    const xml = await feed('evil.example');
    expect(xml).toBe(await feed('hearth.example.com'));
    expect(parseXml(xml).links).toEqual(['/changelog/acme/feed.xml', '/changelog/acme', '/changelog/acme#one']);
    expect(xml).toContain('<id>urn:hearth:changelog:acme</id>');
  });
});

describe('changelog CTA links', () => {
  it('never render a relative trick off the page, in the schema or on the page', async () => {
    const { app } = setup({ publicUrl: 'https://hearth.example.com/' });
    let accepted = 0;
    for (const [i, url] of LINK_TRICKS.entries()) {
      const response = await app.request('/v1/admin/announcements', {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET}` },
        body: JSON.stringify({
          id: `t${i}`,
          status: 'live',
          publishAt: '2026-03-01T00:00:00Z',
          content: { title: `T${i}`, cta: { type: 'url', label: 'Go', url } },
        }),
      });
      if (response.status === 201) accepted += 1;
      else expect((await response.json()) as unknown).toMatchObject({ error: { issues: [{ path: 'content.cta.url' }] } });
    }
    const html = await (await app.request('/changelog/acme')).text();
    for (const [, href] of html.matchAll(/<a href="([^"]*)"/g))
      expect(new URL(href!.replaceAll('&amp;', '&'), 'https://hearth.example.com/').origin).toBe('https://hearth.example.com');
    expect(accepted).toBeGreaterThan(0);
  });
});
