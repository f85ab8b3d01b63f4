import type { ProjectConfig } from '@hearth/schema';
import { earnableTriggers, type Earnable } from '../domain/rewards/earnable.js';
import type { Store } from '../storage/store.js';
import { loadDecisionContext } from './decision-context.js';

/**
 * Which earning triggers can ever pay this user, for `GET /v1/rewards`: the project's prompts and
 * the user's facts, loaded as `GET /v1/state` loads them, so both answers list the same rules.
 */
export async function loadEarnable(
  store: Store,
  input: { project: ProjectConfig; userId: string; now: Date; locale: string | null },
): Promise<Earnable> {
  const { project, userId, now, locale } = input;
  const prompts = (await store.prompts.list(project.id)).map((record) => record.prompt);
  const ctx = await loadDecisionContext(store, { project, subject: { userId }, prompts, now, locale });
  return earnableTriggers(prompts, ctx.facts, now);
}
