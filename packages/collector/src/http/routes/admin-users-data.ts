import type { ChecklistPrompt, ProjectConfig } from '@hearth/schema';
import { checklistProgress } from '../../domain/checklist/progress.js';
import { loadDecisionContext } from '../../services/decision-context.js';
import type { Store } from '../../storage/store.js';
import type { StoredEvent, StoredUser } from '../../domain/events.js';
import { HttpError } from '../http-error.js';

/** What the console's user page shows of recent activity and of the ledger. */
export const RECENT_LIMIT = 50;
/** `rewards.entries` takes a limit; an export wants every entry. */
const ALL_ENTRIES = 2 ** 31 - 1;

async function userOrThrow(store: Store, projectId: string, userId: string): Promise<StoredUser> {
  const user = await store.getUser(projectId, userId);
  if (!user) throw new HttpError(404, 'user_not_found', `No user "${userId}" in project ${projectId} (never identified, or deleted).`);
  return user;
}

/** Each non-archived checklist with the user's progress, computed like `/v1/state` does. */
async function checklists(store: Store, project: ProjectConfig, userId: string, now: Date) {
  const prompts = (await store.prompts.list(project.id)).map((record) => record.prompt);
  const ctx = await loadDecisionContext(store, { project, subject: { userId }, prompts, now, locale: null });
  return prompts
    .filter((prompt): prompt is ChecklistPrompt => prompt.kind === 'checklist' && prompt.status !== 'archived')
    .map((prompt) => {
      const progress = checklistProgress(prompt, ctx.facts, now);
      return {
        promptId: prompt.id,
        title: prompt.content.title,
        status: prompt.status,
        done: progress.done,
        total: progress.total,
        complete: progress.complete,
        items: prompt.content.items.map((item, index) => {
          const state = progress.items[index];
          return {
            id: item.id,
            title: item.title,
            done: state?.done ?? false,
            doneAt: state?.doneAt?.toISOString() ?? null,
            skipped: state?.skipped ?? false,
          };
        }),
      };
    });
}

/** `GET /v1/admin/users/:userId`: one person at a glance. */
export async function userDetail(store: Store, project: ProjectConfig, userId: string, now: Date) {
  const user = await userOrThrow(store, project.id, userId);
  const [recentEvents, progress, surveyResponses, balance, ledger, redemptions] = await Promise.all([
    store.users.recentEvents(project.id, userId, RECENT_LIMIT),
    checklists(store, project, userId, now),
    store.users.responses(project.id, userId),
    store.rewards.balance(project.id, userId),
    store.rewards.entries(project.id, userId, RECENT_LIMIT),
    store.rewards.redemptions(project.id, userId),
  ]);
  return { user, recentEvents, checklists: progress, surveyResponses, points: { ...balance, ledger, redemptions } };
}

/** The user's events under their id and under each anonymous id, once each, oldest first. */
async function allEvents(store: Store, projectId: string, user: StoredUser): Promise<StoredEvent[]> {
  const lists = await Promise.all([
    store.listEvents(projectId, { userId: user.userId }),
    ...user.anonymousIds.map((anonymousId) => store.listEvents(projectId, { anonymousId })),
  ]);
  const byId = new Map(lists.flat().map((event) => [event.messageId, event]));
  return [...byId.values()].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.messageId.localeCompare(b.messageId));
}

/** `GET …/users/:userId/export`: everything Hearth holds about the person (docs/privacy.md). */
export async function userExport(store: Store, project: ProjectConfig, userId: string, now: Date) {
  const user = await userOrThrow(store, project.id, userId);
  const [events, progress, surveyResponses, balance, ledger, redemptions, referrals, trustedTraits] = await Promise.all([
    allEvents(store, project.id, user),
    checklists(store, project, userId, now),
    store.users.responses(project.id, userId),
    store.rewards.balance(project.id, userId),
    store.rewards.entries(project.id, userId, ALL_ENTRIES),
    store.rewards.redemptions(project.id, userId),
    store.users.referrals(project.id, userId),
    store.users.trustedTraits(project.id, userId),
  ]);
  return {
    format: 'hearth.user-export.v1',
    exportedAt: now.toISOString(),
    projectId: project.id,
    user,
    trustedTraits,
    events,
    checklists: progress,
    surveyResponses,
    points: { ...balance, ledger, redemptions, referrals },
  };
}
