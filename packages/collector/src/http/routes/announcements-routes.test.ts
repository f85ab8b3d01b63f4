import { ANNOUNCEMENT_EVENTS, collectorConfigSchema, errorBodySchema, unstorableTextReason } from '@hearth/schema';
import { Hono } from 'hono';
import { errorOf } from '../../test-support/http.js';
import { describe, expect, it } from 'vitest';
import { XSS_CORPUS } from '../../content/xss-corpus.js';
import { testAnnouncementStore } from '../../storage/announcements/test-store.js';
import type { AppEnv } from '../app-env.js';
import { errorHandler, notFound } from '../middleware/error-handler.js';
import { announcementAdminRoutes } from './announcements-admin.js';
import { changelogRoutes } from './changelog.js';
import { ProjectRegistry } from '../../services/project-registry.js';

const NOW = Date.parse('2026-03-15T12:00:00Z');
const SECRET = 'sk_test_acme_secret_0123456789';
const config = collectorConfigSchema.parse({
  publicUrl: 'https://hearth.example.com',
  projects: [{ id: 'acme', name: 'Acme <Projects>', publicKey: 'pk_test_acme', secretKeys: [SECRET] }],
});

function setup() {
  const { store, track } = testAnnouncementStore();
  let now = NOW;
  const clock = () => now;
  const app = new Hono<AppEnv>();
  app.onError(errorHandler());
  app.notFound(notFound);
  app.route('/', announcementAdminRoutes({ announcements: store, projects: new ProjectRegistry(config.projects), clock }));
  app.route('/', changelogRoutes({ announcements: store, projects: new ProjectRegistry(config.projects), config, clock }));
  const admin = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { Authorization: `Bearer ${SECRET}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { app, admin, store, track, setNow: (t: number) => (now = t) };
}

const draft = { id: 'dark-mode', content: { title: 'Dark mode', body: 'Try it <img src=x onerror=alert(1)> [now](javascript:alert(1))' } };

describe('announcement admin API', () => {
  it('creates a draft with parse warnings, publishes it now or on schedule, archives it', async () => {
    const { admin } = setup();
    const created = await admin('POST', '/v1/admin/announcements', draft);
    expect(created.status).toBe(201);
    const body = (await created.json()) as {
      announcement: { status: string };
      texts: Record<string, { body: unknown }>;
      warnings: { path: string; message: string }[];
    };
    expect(body.announcement.status).toBe('draft');
    expect(body.texts.en?.body).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Try it  now' }] }]);
    expect(body.warnings.map((w) => w.path)).toEqual(['content.body', 'content.body']);
    const later = new Date(NOW + 86_400_000).toISOString();
    const scheduled = await (await admin('POST', '/v1/admin/announcements/dark-mode/publish', { at: later })).json();
    expect(scheduled).toMatchObject({ version: 2, announcement: { status: 'scheduled', publishAt: later } });
    const edited = await (await admin('PUT', '/v1/admin/announcements/dark-mode', { content: { title: 'Dark mode!' } })).json();
    expect(edited).toMatchObject({ version: 3, announcement: { status: 'scheduled', publishAt: later, content: { title: 'Dark mode!' } } });
    const archived = await (await admin('POST', '/v1/admin/announcements/dark-mode/archive')).json();
    expect(archived).toMatchObject({ announcement: { status: 'archived' } });
  });

  it('previews a draft as a save would parse it, without storing anything, and names invalid fields', async () => {
    const { admin } = setup();
    const preview = await admin('POST', '/v1/admin/announcements/preview', draft);
    expect(preview.status).toBe(200);
    const body = (await preview.json()) as { texts: Record<string, { title: string; body: unknown }>; warnings: { path: string }[] };
    expect(body.texts.en?.title).toBe('Dark mode');
    expect(body.texts.en?.body).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Try it  now' }] }]);
    expect(body.warnings.map((w) => w.path)).toEqual(['content.body', 'content.body']);
    expect(await (await admin('GET', '/v1/admin/announcements')).json()).toEqual({ announcements: [] });
    const invalid = await admin('POST', '/v1/admin/announcements/preview', { id: 'x', content: { title: '' } });
    expect(invalid.status).toBe(400);
    expect(await errorOf(invalid)).toMatchObject({ issues: [{ path: 'content.title', message: 'title must not be empty' }] });
  });

  it('pauses a published announcement back to draft and archives several at once', async () => {
    const { admin } = setup();
    await admin('POST', '/v1/admin/announcements', draft);
    await admin('POST', '/v1/admin/announcements', { ...draft, id: 'exports' });
    await admin('POST', '/v1/admin/announcements/dark-mode/publish');
    const paused = await (await admin('POST', '/v1/admin/announcements/dark-mode/pause')).json();
    expect(paused).toMatchObject({ version: 3, announcement: { status: 'draft' } });
    const bulk = await admin('POST', '/v1/admin/announcements/archive', { ids: ['dark-mode', 'exports', 'gone'] });
    expect(await bulk.json()).toEqual({ archived: ['dark-mode', 'exports'], notFound: ['gone'] });
    const list = (await (await admin('GET', '/v1/admin/announcements')).json()) as {
      announcements: { announcement: { status: string } }[];
    };
    expect(list.announcements.map((r) => r.announcement.status)).toEqual(['archived', 'archived']);
    expect((await admin('POST', '/v1/admin/announcements/archive', { ids: 'dark-mode' })).status).toBe(400);
  });

  it('refuses to create an announcement whose expiresAt is already past, naming the field', async () => {
    const { admin } = setup();
    const expired = await admin('POST', '/v1/admin/announcements', { ...draft, expiresAt: new Date(NOW - 60_000).toISOString() });
    expect(expired.status).toBe(400);
    const { error } = errorBodySchema.parse(await expired.json());
    expect(error.issues).toEqual([{ path: 'expiresAt', message: expect.stringMatching(/^expiresAt is already past/) }]);
    const ahead = await admin('POST', '/v1/admin/announcements', { ...draft, expiresAt: new Date(NOW + 86_400_000).toISOString() });
    expect(ahead.status).toBe(201);
    const published = await admin('POST', '/v1/admin/announcements/dark-mode/publish', {});
    expect(await published.json()).toMatchObject({ announcement: { status: 'live' } });
  });

  it('names invalid fields, refuses duplicates, stale versions, browsers and public keys', async () => {
    const { admin, app } = setup();
    const invalid = await admin('POST', '/v1/admin/announcements', { id: 'X', content: { title: '' } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual([
      'id',
      'content.title',
    ]);
    await admin('POST', '/v1/admin/announcements', draft);
    expect((await admin('POST', '/v1/admin/announcements', draft)).status).toBe(409);
    const stale = await app.request('/v1/admin/announcements/dark-mode', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${SECRET}`, 'If-Match': '"7"' },
      body: JSON.stringify(draft),
    });
    expect(stale.status).toBe(412);
    const browser = await app.request('/v1/admin/announcements', {
      headers: { Authorization: `Bearer ${SECRET}`, Origin: 'https://acme.example' },
    });
    expect(browser.status).toBe(403);
    expect((await app.request('/v1/admin/announcements', { headers: { Authorization: 'Bearer pk_test_acme' } })).status).toBe(403);
    expect((await admin('DELETE', '/v1/admin/announcements/dark-mode')).status).toBe(204);
    expect((await admin('GET', '/v1/admin/announcements/dark-mode')).status).toBe(404);
  });
});

describe('public changelog', () => {
  it('lists public, published, audience-free announcements newest first as escaped HTML and Atom', async () => {
    const { admin, app, track, setNow } = setup();
    const publish = async (id: string, extra: object, at: string) => {
      await admin('POST', '/v1/admin/announcements', {
        id,
        content: { title: `<b>${id}</b>`, body: `## Head\n\nSee [docs](https://acme.example/docs)` },
        ...extra,
      });
      await admin('POST', `/v1/admin/announcements/${id}/publish`, { at });
    };
    await publish('older', {}, '2026-03-01T00:00:00Z');
    // Written before it expired: since then it has left the feed, not the changelog.
    setNow(Date.parse('2026-03-04T00:00:00Z'));
    await publish('newer', { category: 'fixed', expiresAt: '2026-03-10T00:00:00Z' }, '2026-03-05T00:00:00Z');
    setNow(NOW);
    await publish('private', { public: false }, '2026-03-02T00:00:00Z');
    await publish('pro-only', { audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' } }, '2026-03-02T00:00:00Z');
    await publish('future', {}, '2026-04-01T00:00:00Z');
    await admin('POST', '/v1/admin/announcements', { id: 'draft', content: { title: 'draft' } });
    track('acme', ANNOUNCEMENT_EVENTS.read, { userId: 'u1' }, { announcementId: 'older' });

    const page = await app.request('http://collector.example/changelog/acme');
    expect(page.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect([...html.matchAll(/<article id="([^"]+)"/g)].map((m) => m[1])).toEqual(['newer', 'older']);
    expect(html).toContain('<h2>&lt;b&gt;newer&lt;/b&gt;</h2>');
    expect(html).toContain('<h3>Head</h3>');
    expect(html).toContain('<a href="https://acme.example/docs" rel="noopener noreferrer nofollow">docs</a>');
    expect(html).toContain('Acme &lt;Projects&gt;');
    expect(html).toContain('<span class="cat">Fixed</span>');

    const feed = await app.request('http://collector.example/changelog/acme/feed.xml');
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=UTF-8');
    const xml = await feed.text();
    expect([...xml.matchAll(/<entry><id>([^<]+)<\/id>/g)].map((m) => m[1])).toEqual([
      'https://hearth.example.com/changelog/acme#newer',
      'https://hearth.example.com/changelog/acme#older',
    ]);
    expect(xml).toContain('<content type="html">&lt;h3&gt;Head&lt;/h3&gt;');
    expect((await app.request('/changelog/nope')).status).toBe(404);
  });

  it('renders the whole XSS corpus without a script, an event handler or a dangerous URL', async () => {
    const { admin, app } = setup();
    const chunk = 40;
    // Text no store can keep (a NUL inside `java\0script:`) is refused at the door instead.
    const [storable, unstorable] = [
      XSS_CORPUS.filter((c) => !unstorableTextReason(c.markdown)),
      XSS_CORPUS.filter((c) => unstorableTextReason(c.markdown)),
    ];
    for (const { markdown } of unstorable) {
      const response = await admin('POST', '/v1/admin/announcements', {
        id: 'refused',
        status: 'live',
        content: { title: 'x', body: markdown },
      });
      expect(response.status).toBe(400);
      expect(errorBodySchema.parse(await response.json()).error.issues?.map((issue) => issue.path)).toEqual(['content.body']);
    }
    for (let i = 0; i < storable.length; i += chunk) {
      const body = storable
        .slice(i, i + chunk)
        .map((c) => c.markdown)
        .join('\n\n');
      const response = await admin('POST', '/v1/admin/announcements', {
        id: `x${i}`,
        status: 'live',
        publishAt: '2026-03-01T00:00:00Z',
        content: { title: '<script>alert(1)</script>', body },
      });
      expect(response.status).toBe(201);
    }
    const html = await (await app.request('/changelog/acme')).text();
    // Texts are escaped, so every `<` left starts one of our own tags: check each tag and its attribute names.
    const ALLOWED = new Set([
      '!doctype',
      'html',
      'head',
      'meta',
      'title',
      'link',
      'style',
      'body',
      'main',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'article',
      'p',
      'span',
      'time',
      'a',
      'img',
      'em',
      'strong',
      'code',
      'pre',
      'br',
      'ul',
      'ol',
      'li',
    ]);
    const tags = [...html.matchAll(/<\/?([!a-z0-9]+)([^>]*)>/gi)];
    expect(tags.length).toBeGreaterThan(100);
    for (const [, name, attributes] of tags) {
      expect(ALLOWED.has(name!.toLowerCase()), name).toBe(true);
      const names = (attributes ?? '').replace(/"[^"]*"/g, '').match(/[a-z-]+(?==)/gi) ?? [];
      for (const attribute of names) expect(attribute.toLowerCase().startsWith('on'), attribute).toBe(false);
    }
    expect(html).not.toMatch(/<script/i);
    for (const [, url] of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^(https?:|mailto:)/);
  });
});
