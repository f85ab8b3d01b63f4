import { emailMessageSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { checkEmailDraft, draftFromEmail, newEmailDraft } from './email-draft.js';

describe('the email editor draft', () => {
  it('round-trips a stored onboarding message, its own quiet hours, holdout and category included', () => {
    const stored = emailMessageSchema.parse({
      id: 'no-project',
      kind: 'onboarding',
      status: 'live',
      event: 'project_created',
      withinDays: 7,
      content: { subject: 'Getting started, {{user.name | "there"}}', body: 'Create your first project.', ctaLabel: 'Open' },
      translations: { fr: { subject: 'Bien démarrer' } },
      holdoutPercent: 20,
      category: 'product-updates',
      quietHours: { start: 22, end: 7 },
      audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
    });
    const checked = checkEmailDraft(draftFromEmail(stored));
    expect(checked.ok).toBe(true);
    expect(emailMessageSchema.parse(checked.message)).toEqual(stored);
  });

  it('leaves empty numbers to the project, and names the field of each problem', () => {
    const draft = { ...newEmailDraft('digest'), id: 'whats-new', subject: 'News' };
    const ok = checkEmailDraft(draft);
    expect(ok.ok).toBe(true);
    expect(ok.message).not.toHaveProperty('inactiveDays');
    expect(ok.message).not.toHaveProperty('holdoutPercent');
    expect(ok.message).not.toHaveProperty('quietHours');

    const bad = checkEmailDraft({ ...draft, subject: '', holdoutPercent: '150', ownQuietHours: true, quietStart: '25' });
    expect(bad.ok).toBe(false);
    expect(bad.errors).toMatchObject({
      'content.subject': 'subject must not be empty',
      holdoutPercent: 'percent must be 0–100',
      'quietHours.start': 'hours are 0–23',
    });
  });

  it('asks an onboarding rule for its event', () => {
    const checked = checkEmailDraft({ ...newEmailDraft('onboarding'), id: 'nudge', subject: 'Hi' });
    expect(Object.keys(checked.errors)).toContain('event');
  });
});
