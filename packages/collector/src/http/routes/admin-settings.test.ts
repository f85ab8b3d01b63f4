import { describe, expect, it } from 'vitest';
import { OTHER_SECRET, SECRET } from '../../test-support/http.js';
import { admin, checklistInput, promptApp } from '../../test-support/prompts.js';
import { keyFingerprint } from './admin-settings.js';

describe('admin API: settings', () => {
  it('shows the project settings with key fingerprints, never a secret', async () => {
    const webhook = { url: 'https://hooks.acme.test/nps', secrets: ['whsec_0123456789abcdefghijklmnop'] };
    const prompt = { ...checklistInput('onboarding'), defaultLocale: 'en', translations: { fr: { title: 'Bienvenue' } } };
    const { app } = await promptApp([prompt], { inactivityDays: 14, webhooks: [webhook], identityVerification: { enforce: true } });
    const res = await admin(app, 'GET', '/v1/admin/settings');
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of [SECRET, OTHER_SECRET, webhook.secrets[0]!]) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({
      editable: false,
      inactivityDays: 14,
      locales: ['en', 'fr'],
      identityVerification: { enforce: true },
      keys: { secretKeyFingerprints: [keyFingerprint(SECRET), keyFingerprint(OTHER_SECRET)], rotating: true },
      webhooks: [{ url: webhook.url, surveyResponses: 'detractors', secretFingerprints: [keyFingerprint(webhook.secrets[0]!)] }],
      rewards: null,
    });
  });
});
