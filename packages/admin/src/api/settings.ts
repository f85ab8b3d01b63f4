import type { FatigueBudget, RewardsConfig } from '@hearth/schema';
import { api, call } from './client.js';

/** The answer of `GET /v1/admin/settings`: the configuration file's values, secrets only as fingerprints. */
export interface ProjectSettings {
  project: { id: string; name: string };
  editable: false;
  theme: null;
  locales: string[];
  inactivityDays: number;
  fatigue: FatigueBudget;
  allowedOrigins: string[];
  identityVerification: { enforce: boolean };
  respectGlobalPrivacyControl: boolean;
  keys: { publicKey: string; secretKeyFingerprints: string[]; rotating: boolean };
  webhooks: { url: string; surveyResponses: string; surveyIds?: string[]; secretFingerprints: string[] }[];
  rewards: RewardsConfig | null;
}

export const getSettings = () => call(() => api.get('settings').json<ProjectSettings>());
