import type { ProjectConfig, UserState } from '@hearth/schema';
import { earnableTriggers } from '../domain/rewards/earnable.js';
import { decideUserState } from '../domain/state/build-state.js';
import type { Subject } from '../storage/facts/fact-store.js';
import type { Store } from '../storage/store.js';
import { loadAnnouncementsState } from './announcements-state.js';
import { loadDecisionContext } from './decision-context.js';
import type { RewardsEngine } from './rewards-engine.js';
import { rewardsForUserState } from './rewards-state.js';

export interface UserStateInput {
  project: ProjectConfig;
  subject: Subject;
  /** The caller's identity was proven by a token: only then are rewards part of the state. */
  verified: boolean;
  now: Date;
  /** The page's locale; else a `locale` trait; else none. */
  locale: string | null;
}

/**
 * What one subject should see now (`GET /v1/state`): the prompts their audiences, frequency and
 * fatigue allow (a checklist's holdout group too, recorded when first drawn), with progress; the announcements part; for a verified user the rewards part
 * (points belong to a proven person); the project's theme.
 */
export async function loadUserState(store: Store, rewards: RewardsEngine | undefined, input: UserStateInput): Promise<UserState> {
  const { project, subject, now, locale } = input;
  const prompts = (await store.prompts.list(project.id)).map((record) => record.prompt);
  const ctx = await loadDecisionContext(store, { project, subject, prompts, now, locale });
  const { state, arms } = decideUserState(prompts, ctx);
  // A checklist holdout's groups are recorded at the server's time the first time a user is eligible.
  if (arms.size > 0 && 'userId' in subject) await store.prompts.assign(project.id, subject.userId, arms, now.getTime());
  const announcements = await loadAnnouncementsState(store, { project, subject, prompts, state, now, locale });
  if (announcements) state.announcements = announcements;
  const userRewards =
    rewards && input.verified && 'userId' in subject
      ? await rewardsForUserState(
          rewards,
          project.id,
          subject.userId,
          state,
          prompts,
          locale,
          earnableTriggers(prompts, ctx.facts, ctx.now),
        )
      : null;
  if (userRewards) state.rewards = userRewards;
  if (Object.keys(project.theme).length > 0) state.theme = project.theme;
  return state;
}
