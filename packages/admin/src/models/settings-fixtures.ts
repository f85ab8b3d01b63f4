import type { ProjectSettingsView } from '@hearth/schema';

/** Saved settings as `GET /v1/admin/settings` answers them, for the settings form's tests. */
export const savedSettings = (overrides: Partial<ProjectSettingsView> = {}): ProjectSettingsView => ({
  project: { id: 'acme', name: 'Acme' },
  version: 3,
  updatedAt: '2026-11-22T10:00:00.000Z',
  updatedBy: 'console',
  theme: { brandColor: '#4f46e5' },
  locales: null,
  localesInUse: ['en'],
  inactivityDays: 30,
  eventRetentionDays: null,
  fatigue: { maxInterruptingPerDay: 1, minDaysBetweenSurveys: 14 },
  allowedOrigins: ['https://app.acme.test'],
  identityVerification: { enforce: false },
  respectGlobalPrivacyControl: false,
  keys: { publicKey: 'pk_acme_public', secretKeyFingerprints: ['sha256:aaaaaaaaaaaa'], rotating: false },
  webhooks: [{ url: 'https://hooks.acme.test/nps', surveyResponses: 'detractors', secretFingerprints: ['sha256:bbbbbbbbbbbb'] }],
  rewards: null,
  revenue: null,
  ...overrides,
});
