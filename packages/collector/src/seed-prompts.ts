import type { CollectorConfig } from '@hearth/schema';
import type { SeedResult } from './storage/prompts/prompt-store.js';
import type { Store } from './storage/store.js';

/**
 * Loads `projects[].prompts` from the configuration into the store. Idempotent: run at every
 * start; a prompt edited through the admin API is never overwritten by the file again.
 */
export async function seedPrompts(store: Store, config: CollectorConfig, now: number): Promise<Map<string, SeedResult>> {
  const results = new Map<string, SeedResult>();
  for (const project of config.projects) results.set(project.id, await store.prompts.seed(project.id, project.prompts, now));
  return results;
}
