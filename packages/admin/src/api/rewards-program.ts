import type { RewardsProgramRecord } from '@hearth/schema';
import { api, call } from './client.js';

export type { RewardsProgramRecord };

export const getRewardsProgram = () => call(() => api.get('rewards-program').json<RewardsProgramRecord>());

/** Replaces the whole program, conditional on the version the editor loaded (409 if it changed meanwhile). */
export const saveRewardsProgram = (program: Record<string, unknown>, version: number) =>
  call(() => api.put('rewards-program', { json: program, headers: { 'If-Match': `"${version}"` } }).json<RewardsProgramRecord>());
