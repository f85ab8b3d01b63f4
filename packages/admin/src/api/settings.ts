import type { ProjectSettingsPatchInput, SettingsChange } from '@hearth/schema';
import { api, call } from './client.js';

/**
 * The answer of every `/v1/admin/settings` call: the effective settings (secrets as fingerprints)
 * and any secret the call just generated, shown this once.
 */
export type ProjectSettings = SettingsChange;

/** Every change is conditional on the version it was based on: 409 when someone saved meanwhile. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const getSettings = () => call(() => api.get('settings').json<ProjectSettings>());

/** Changes the sent fields only; the others keep their values (the file's, unless changed before). */
export const saveSettings = (patch: ProjectSettingsPatchInput, version: number) =>
  call(() => api.patch('settings', { json: patch, headers: ifMatch(version) }).json<ProjectSettings>());

export const rotateSecretKey = (version: number) =>
  call(() => api.post('settings/keys/rotate', { headers: ifMatch(version) }).json<ProjectSettings>());

export const finishSecretKeyRotation = (version: number) =>
  call(() => api.post('settings/keys/finish-rotation', { headers: ifMatch(version) }).json<ProjectSettings>());

export const rotateWebhookSecret = (fingerprint: string, version: number) =>
  call(() => api.post('settings/webhooks/rotate', { json: { fingerprint }, headers: ifMatch(version) }).json<ProjectSettings>());

export const finishWebhookRotation = (fingerprint: string, version: number) =>
  call(() => api.post('settings/webhooks/finish-rotation', { json: { fingerprint }, headers: ifMatch(version) }).json<ProjectSettings>());
