import type { PromptVersionList } from '@hearth/schema';
import { api, call } from './client.js';
import type { PromptRecord } from './prompts.js';

export type PromptVersion = PromptVersionList['versions'][number];

const path = (id: string) => `prompts/${encodeURIComponent(id)}`;

export const listVersions = (id: string) => call(() => api.get(`${path(id)}/versions`).json<PromptVersionList>());
/** Saves version `version`'s configuration as a new version, if the prompt is still at `current`. */
export const rollbackPrompt = (id: string, version: number, current: number) =>
  call(() => api.post(`${path(id)}/rollback`, { json: { version }, headers: { 'If-Match': `"${current}"` } }).json<PromptRecord>());
