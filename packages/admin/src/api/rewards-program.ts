import type { RewardsConfig } from '@hearth/schema';
import { api, call } from './client.js';

/** `GET`/`PUT /v1/admin/rewards-program`: the project's program and the settings version it belongs to. */
export interface RewardsProgramRecord {
  /** Null when the project has no rewards program. */
  program: RewardsConfig | null;
  /** The project settings' version: a save based on an older one is refused with 409. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export const getRewardsProgram = () => call(() => api.get('rewards-program').json<RewardsProgramRecord>());

/** Replaces the whole program, conditional on the version the editor loaded (409 if it changed meanwhile). */
export const saveRewardsProgram = (program: Record<string, unknown>, version: number) =>
  call(() => api.put('rewards-program', { json: program, headers: { 'If-Match': `"${version}"` } }).json<RewardsProgramRecord>());
