import { announcementInputSchema, checklistPromptSchema, surveyPromptSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { announcementPreviewState, checklistPreviewState, pickLocale, surveyPreviewState } from './preview-state.js';

const nps = surveyPromptSchema.parse({
  id: 'nps',
  kind: 'survey',
  defaultLocale: 'en',
  content: {
    type: 'nps',
    product: 'Acme',
    followUp: { promoter: 'What do you love?', detractor: 'What went wrong?' },
    thankYou: 'Thanks!',
  },
  translations: { fr: { product: 'Acmé', followUp: { detractor: 'Qu’est-ce qui a coincé ?' } } },
});

describe('preview mapping: the draft as /v1/state would carry it', () => {
  it('picks the exact locale, else the same language, else none', () => {
    expect(pickLocale(['fr', 'ar-SA'], 'fr-CA')).toBe('fr');
    expect(pickLocale(['fr', 'ar-SA'], 'AR-sa')).toBe('ar-SA');
    expect(pickLocale(['fr'], 'de')).toBeNull();
  });

  it("lays the locale's survey texts over the default ones, group by group", () => {
    const state = surveyPreviewState(nps, 'fr-CA');
    expect(state).toMatchObject({ kind: 'survey', id: 'nps', locale: 'fr', cycle: 1, display: 'corner' });
    expect(state.content).toMatchObject({
      type: 'nps',
      product: 'Acmé',
      thankYou: 'Thanks!',
      followUp: { promoter: 'What do you love?', detractor: 'Qu’est-ce qui a coincé ?' },
    });
    expect(surveyPreviewState(nps, 'de').content).toMatchObject({ product: 'Acme' });
    expect(surveyPreviewState(nps, 'de').locale).toBe('en');
  });

  it('shows a checklist with nothing done, item texts translated by id', () => {
    const checklist = checklistPromptSchema.parse({
      id: 'onboarding',
      kind: 'checklist',
      content: {
        title: 'Get started',
        items: [{ id: 'create', title: 'Create a project', completeWhen: { type: 'event', event: 'Project Created' } }],
      },
      translations: { fr: { title: 'Bienvenue', items: { create: { title: 'Créer un projet' } } } },
    });
    const state = checklistPreviewState(checklist, 'fr');
    expect(state).toMatchObject({ title: 'Bienvenue', locale: 'fr', progress: { done: 0, total: 1, complete: false } });
    expect(state.items[0]).toMatchObject({ id: 'create', title: 'Créer un projet', done: false, skipped: false });
  });

  it("puts the server's parsed tree of the locale into a one-item feed", () => {
    const announcement = announcementInputSchema.parse({ id: 'dark', content: { title: 'Dark mode' } });
    const body = [{ type: 'paragraph', children: [{ type: 'text', value: 'Bonjour' }] }];
    const texts = { en: { title: 'Dark mode', body: [] }, fr: { title: 'Mode sombre', body } } as never;
    const state = announcementPreviewState(announcement, texts, 'fr', new Date('2026-01-01T00:00:00Z'));
    expect(state.unread).toBe(1);
    expect(state.items[0]).toMatchObject({
      id: 'dark',
      title: 'Mode sombre',
      body,
      locale: 'fr',
      read: false,
      publishedAt: '2026-01-01T00:00:00.000Z',
    });
  });
});
