import type { BulkArchiveResult, ExplainAnswer, PromptInput, PromptRecordAnswer } from '@hearth/schema';
import { api, call } from './client.js';

/** The collector's answers, typed by the schemas it answers with. */
export type PromptRecord = PromptRecordAnswer;
export type Explanation = ExplainAnswer;

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const listPrompts = () => call(() => api.get('prompts').json<{ prompts: PromptRecord[] }>()).then((body) => body.prompts);
export const getPrompt = (id: string) => call(() => api.get(`prompts/${encodeURIComponent(id)}`).json<PromptRecord>());
export const createPrompt = (prompt: PromptInput) => call(() => api.post('prompts', { json: prompt }).json<PromptRecord>());
/** Conditional on the version the editor loaded: a concurrent edit answers 412 instead of being lost. */
export const updatePrompt = (prompt: PromptInput, version: number) =>
  call(() => api.put(`prompts/${encodeURIComponent(prompt.id)}`, { json: prompt, headers: ifMatch(version) }).json<PromptRecord>());
export const publishPrompt = (id: string, version: number) =>
  call(() => api.post(`prompts/${encodeURIComponent(id)}/publish`, { headers: ifMatch(version) }).json<PromptRecord>());
export const archivePrompt = (id: string, version: number) =>
  call(() => api.post(`prompts/${encodeURIComponent(id)}/archive`, { headers: ifMatch(version) }).json<PromptRecord>());
/** Back to draft: nobody sees it until it is published again. */
export const pausePrompt = (id: string, version: number) =>
  call(() => api.post(`prompts/${encodeURIComponent(id)}/pause`, { headers: ifMatch(version) }).json<PromptRecord>());
export const archivePrompts = (ids: string[]) => call(() => api.post('prompts/archive', { json: { ids } }).json<BulkArchiveResult>());
export const explainPrompt = (id: string, userId: string, locale?: string) =>
  call(() =>
    api.get(`prompts/${encodeURIComponent(id)}/explain`, { searchParams: { userId, ...(locale ? { locale } : {}) } }).json<Explanation>(),
  );
