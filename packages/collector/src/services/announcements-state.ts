import type { AnnouncementsState, ProjectConfig, Prompt, UserState } from '@hearth/schema';
import { buildAnnouncementsState } from '../domain/announcements/build-state.js';
import type { Subject } from '../storage/facts/fact-store.js';
import type { Store } from '../storage/store.js';
import { loadAnnouncementContext } from './announcement-context.js';

export interface AnnouncementsStateInput {
  project: ProjectConfig;
  subject: Subject;
  /** Every prompt of the project: its interrupting ones share the fatigue budget with boosts. */
  prompts: readonly Prompt[];
  /** The prompts part of this same state response: its interrupting prompts use the budget first. */
  state: UserState;
  now: Date;
  locale: string | null;
}

/**
 * The `announcements` part of `/v1/state`, or undefined for a project without announcements (which
 * then costs no query beyond the list).
 */
export async function loadAnnouncementsState(store: Store, input: AnnouncementsStateInput): Promise<AnnouncementsState | undefined> {
  const records = await store.announcements.list(input.project.id);
  if (records.length === 0) return undefined;
  const ctx = await loadAnnouncementContext(store, {
    project: input.project,
    subject: input.subject,
    records,
    now: input.now,
    locale: input.locale,
    interruptingPromptIds: input.prompts.filter((prompt) => prompt.interrupting).map((prompt) => prompt.id),
    interruptingShownNow: input.state.prompts.filter((prompt) => prompt.interrupting).length,
  });
  return buildAnnouncementsState(records, ctx);
}
