import { describe, expect, it } from 'vitest';
import { announcementCreateSchema, announcementInputSchema } from './announcement.js';
import { toErrorIssues } from './error-body.js';

const base = { id: 'dark-mode', content: { title: 'Dark mode', body: 'Try **it**' } };

describe('announcementInputSchema', () => {
  it('fills defaults: draft, category new, public, in digests, not boosted', () => {
    expect(announcementInputSchema.parse(base)).toMatchObject({
      status: 'draft',
      category: 'new',
      public: true,
      boosted: false,
      boostStyle: 'toast',
      digest: { include: true },
      defaultLocale: 'en',
      translations: {},
    });
  });

  it('accepts custom categories and event CTAs', () => {
    const parsed = announcementInputSchema.parse({
      ...base,
      category: 'security',
      content: { ...base.content, categoryLabel: 'Security', cta: { type: 'event', label: 'Try', name: 'dark_mode_opened' } },
    });
    expect(parsed.category).toBe('security');
  });

  it('names broken fields: scheduling, CTA URL, translation locale, expiry order', () => {
    const result = announcementInputSchema.safeParse({
      ...base,
      content: { ...base.content, cta: { type: 'url', label: 'Go', url: 'javascript:alert(1)' } },
      translations: { 'not a locale': {} },
    });
    expect(result.success).toBe(false);
    const paths = toErrorIssues(result.error!).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['content.cta.url', 'translations.not a locale']));
    const unscheduled = announcementInputSchema.safeParse({ ...base, status: 'scheduled' });
    expect(toErrorIssues(unscheduled.error!)).toEqual([{ path: 'publishAt', message: 'a scheduled announcement needs publishAt' }]);
    const order = announcementInputSchema.safeParse({ ...base, publishAt: '2026-02-01T00:00:00Z', expiresAt: '2026-01-01T00:00:00Z' });
    expect(toErrorIssues(order.error!)).toEqual([{ path: 'expiresAt', message: 'expiresAt must be after publishAt' }]);
  });

  it('refuses protocol-relative CTA URLs and non-http images', () => {
    for (const content of [
      { ...base.content, cta: { type: 'url', label: 'Go', url: '//evil.example' } },
      { ...base.content, image: { url: 'data:image/svg+xml,<svg onload=alert(1)>', alt: '' } },
    ])
      expect(announcementInputSchema.safeParse({ ...base, content }).success).toBe(false);
  });

  it('on create, refuses an expiresAt already past, naming the field; a later one passes', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const past = announcementCreateSchema(now).safeParse({ ...base, expiresAt: '2026-06-01T00:00:00Z' });
    expect(toErrorIssues(past.error!)).toEqual([
      { path: 'expiresAt', message: 'expiresAt is already past (now is 2026-12-01T00:00:00.000Z); set a later time or leave it out' },
    ]);
    expect(announcementCreateSchema(now).safeParse({ ...base, expiresAt: '2027-06-01T00:00:00Z' }).success).toBe(true);
  });
});
