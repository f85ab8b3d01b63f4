import { describe, expect, it } from 'vitest';
import { checkSettingsDraft, draftFromSettings, emptyWebhook, withCurrentSecrets } from './settings-draft.js';
import { savedSettings } from './settings-fixtures.js';

describe('settings draft', () => {
  it('sends only the fields the form changed, so untouched ones keep following the file', () => {
    const saved = savedSettings();
    const draft = { ...draftFromSettings(saved), brandColor: '#ff6600', inactivityDays: '14' };
    expect(checkSettingsDraft(draftFromSettings(saved), saved)).toEqual({ ok: true, errors: {}, patch: {} });
    expect(checkSettingsDraft(draft, saved)).toEqual({
      ok: true,
      errors: {},
      patch: { theme: { brandColor: '#ff6600' }, inactivityDays: 14 },
    });
  });

  it('sets the event retention period in days, clears it to keep events forever, and refuses a period under a week', () => {
    const saved = savedSettings();
    expect(draftFromSettings(saved).eventRetentionDays).toBe('');
    expect(checkSettingsDraft({ ...draftFromSettings(saved), eventRetentionDays: '90' }, saved).patch).toEqual({ eventRetentionDays: 90 });
    const keeping = savedSettings({ eventRetentionDays: 90 });
    expect(draftFromSettings(keeping).eventRetentionDays).toBe('90');
    expect(checkSettingsDraft({ ...draftFromSettings(keeping), eventRetentionDays: ' ' }, keeping).patch).toEqual({
      eventRetentionDays: null,
    });
    expect(checkSettingsDraft({ ...draftFromSettings(saved), eventRetentionDays: '3' }, saved).errors).toEqual({
      eventRetentionDays: 'eventRetentionDays must be at least 7',
    });
  });

  it("names each invalid field with the collector schema's message", () => {
    const saved = savedSettings();
    const draft = {
      ...draftFromSettings(saved),
      radius: '40',
      inactivityDays: 'soon',
      allowedOrigins: ['https://app.acme.test', 'ftp://files.acme.test'],
      defaultLocale: 'de',
      supportedLocales: 'en, fr',
      webhooks: [...draftFromSettings(saved).webhooks, { ...emptyWebhook(), url: 'hooks.acme.test' }],
    };
    const { ok, errors } = checkSettingsDraft(draft, saved);
    expect(ok).toBe(false);
    expect(errors).toMatchObject({
      'theme.radius': 'radius must be at most 32 px',
      inactivityDays: expect.stringContaining('inactivityDays must be a number'),
      'allowedOrigins.1': expect.any(String),
      'locales.default': 'the default locale must be one of the supported locales',
      'webhooks.1.url': 'url must start with http:// or https://',
    });
  });

  it("edits the days between two surveys as part of the fatigue budget, with the schema's error at the field", () => {
    const saved = savedSettings();
    expect(draftFromSettings(saved).surveyGapDays).toBe('14');
    expect(checkSettingsDraft({ ...draftFromSettings(saved), surveyGapDays: '30' }, saved).patch).toEqual({
      fatigue: { maxInterruptingPerDay: 1, minDaysBetweenSurveys: 30 },
    });
    expect(checkSettingsDraft({ ...draftFromSettings(saved), surveyGapDays: '-1' }, saved).errors).toEqual({
      'fatigue.minDaysBetweenSurveys': 'minDaysBetweenSurveys must not be negative',
    });
    expect(checkSettingsDraft({ ...draftFromSettings(saved), surveyGapDays: '' }, saved).errors).toEqual({
      'fatigue.minDaysBetweenSurveys': 'minDaysBetweenSurveys must be a number of days',
    });
  });

  it('keeps a saved webhook tied to its secrets, a new one asks for a fresh secret', () => {
    const saved = savedSettings();
    const draft = {
      ...draftFromSettings(saved),
      webhooks: [
        ...draftFromSettings(saved).webhooks,
        { ...emptyWebhook(), url: 'https://hooks.acme.test/all', surveyResponses: 'all' as const },
      ],
    };
    expect(checkSettingsDraft(draft, saved).patch.webhooks).toEqual([
      { url: 'https://hooks.acme.test/nps', surveyResponses: 'detractors', secretsOf: 'sha256:bbbbbbbbbbbb' },
      { url: 'https://hooks.acme.test/all', surveyResponses: 'all' },
    ]);
  });

  it('follows a webhook through a secret rotation without losing unsaved edits', () => {
    const saved = savedSettings();
    const edited = draftFromSettings(saved).webhooks.map((hook) => ({ ...hook, url: 'https://hooks.acme.test/edited' }));
    const rotated = savedSettings({
      webhooks: [{ ...saved.webhooks[0]!, secretFingerprints: ['sha256:bbbbbbbbbbbb', 'sha256:cccccccccccc'] }],
    });
    const finished = savedSettings({ webhooks: [{ ...saved.webhooks[0]!, secretFingerprints: ['sha256:cccccccccccc'] }] });
    const during = withCurrentSecrets(edited, rotated);
    expect(during[0]).toMatchObject({
      url: 'https://hooks.acme.test/edited',
      secretsOf: 'sha256:bbbbbbbbbbbb',
      secretFingerprints: ['sha256:bbbbbbbbbbbb', 'sha256:cccccccccccc'],
    });
    expect(withCurrentSecrets(during, finished)[0]).toMatchObject({
      url: 'https://hooks.acme.test/edited',
      secretsOf: 'sha256:cccccccccccc',
    });
  });
});
