import { announcementInputSchema, LINK_RULE } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { checkAnnouncementDraft, draftFromAnnouncement, newAnnouncementDraft } from './announcement-draft.js';

describe('announcement form validation (announcementInputSchema)', () => {
  it('puts schema errors at the title, CTA, image and expiry fields', () => {
    const draft = {
      ...newAnnouncementDraft(),
      id: 'dark-mode',
      title: '',
      cta: 'url' as const,
      ctaLabel: 'Try it',
      ctaUrl: 'javascript:alert(1)',
      imageUrl: '/relative.png',
    };
    draft.publishAt = '2026-05-02T09:00';
    draft.expiresAt = '2026-05-01T09:00';
    const { ok, errors } = checkAnnouncementDraft(draft);
    expect(ok).toBe(false);
    expect(errors['content.title']).toBe('title must not be empty');
    expect(errors['content.cta.url']).toBe(LINK_RULE);
    expect(errors['content.image.url']).toBe('image url must be absolute http(s)');
    expect(errors.expiresAt).toBe('expiresAt must be after publishAt');
  });

  it('round-trips a stored announcement, keeping fields the form does not show', () => {
    const stored = announcementInputSchema.parse({
      id: 'dark-mode',
      status: 'live',
      publishAt: '2026-05-01T09:00:00.000Z',
      digest: { include: false },
      content: { title: 'Dark mode', body: '**New**', cta: { type: 'event', label: 'Try', name: 'Dark Mode Opened' } },
      translations: { fr: { title: 'Mode sombre' } },
    });
    const draft = draftFromAnnouncement(stored);
    draft.boosted = true;
    const { ok, announcement } = checkAnnouncementDraft(draft);
    expect(ok).toBe(true);
    const parsed = announcementInputSchema.parse(announcement);
    expect(parsed).toMatchObject({
      status: 'live',
      boosted: true,
      digest: { include: false },
      publishAt: '2026-05-01T09:00:00.000Z',
      translations: { fr: { title: 'Mode sombre' } },
    });
    expect(parsed.content.cta).toEqual(stored.content.cta);
  });
});
