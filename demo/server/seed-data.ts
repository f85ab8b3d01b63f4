import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, type HearthEvent, type ProjectConfig } from '@hearth/schema';
import { demoAnnouncements, publishedMsAgo } from './seed-announcements.js';
import { createRandom } from './seed-random.js';
import { buildUserHistory, type SeedProgram, type SeedResponse, type ServerEvent } from './seed-timeline.js';
import { buildSeedUsers, type SeedUser } from './seed-users.js';

export { SEED_USER_COUNT, seedUserId } from './seed-users.js';

const SEED = 20_251_122;
const DAY_MS = 86_400_000;
/**
 * Server events per `POST /v1/server/events` (the route takes 500): each one runs the earning rules
 * in its own transaction, so small requests stay far from the client's 10 s timeout on PostgreSQL.
 */
const SERVER_EVENTS_PER_REQUEST = 25;
/** The collector's body cap less room for the envelope (`sentAt`, `userToken`). */
const BATCH_BYTES_BUDGET = MAX_BATCH_BYTES - 8 * 1024;
const encoder = new TextEncoder();

export type SeedBatch = { user: SeedUser; events: HearthEvent[] };
export type SeedRedemption = { userId: string; itemId: string; requestId: string };

/** Everything `seedDemoData` sends, computed without any I/O. */
export type SeedPlan = {
  users: SeedUser[];
  /** One user's browser batches (a long history takes several), oldest first. */
  batches: SeedBatch[];
  /** Backend requests; one user's events are never split, so their rule caps are checked in order. */
  serverEvents: ServerEvent[][];
  responses: SeedResponse[];
  /** Users seen in the last week: their widget loaded `/v1/state`, which pays checklist points. */
  recentUserIds: string[];
  redemptions: SeedRedemption[];
};

/** The checklists, the NPS survey and the announcements of the demo configuration, as the generator needs them. */
export function seedProgram(project: ProjectConfig): SeedProgram {
  const checklists = project.prompts.flatMap((prompt) => {
    const audience = prompt.audience;
    if (
      prompt.kind !== 'checklist' ||
      audience?.type !== 'trait' ||
      audience.trait !== 'role' ||
      audience.op !== 'equals' ||
      typeof audience.value !== 'string'
    )
      return [];
    const items = prompt.content.items.flatMap((item) =>
      item.completeWhen.type === 'event' ? [{ id: item.id, event: item.completeWhen.event }] : [],
    );
    return [{ id: prompt.id, role: audience.value, items }];
  });
  const survey = project.prompts.flatMap((prompt) => {
    const trigger = prompt.triggers.find((candidate) => candidate.type === 'event');
    if (prompt.kind !== 'survey' || prompt.content.type !== 'nps' || trigger?.type !== 'event') return [];
    return [{ id: prompt.id, event: trigger.name, minCount: trigger.minCount ?? 1 }];
  })[0];
  const announcements = demoAnnouncements().map(({ input, ageDays }) => ({
    id: input.id,
    publishedMsAgo: publishedMsAgo(ageDays),
    boosted: !!input.boosted,
    hasCta: !!input.content.cta,
  }));
  return { checklists, survey: survey ?? null, announcements };
}

/** Splits a user's events into batches within the collector's count and size limits. */
function chunk(events: HearthEvent[]): HearthEvent[][] {
  const batches: HearthEvent[][] = [];
  let current: HearthEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    // UTF-8 bytes, plus the comma between events.
    const size = encoder.encode(JSON.stringify(event)).byteLength + 1;
    if (current.length > 0 && (current.length >= MAX_BATCH_EVENTS || bytes + size > BATCH_BYTES_BUDGET)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * About 90 days of history for 240 users ending at `now` (see seed-users.ts for who they are and
 * seed-timeline.ts for what they do). Times move with `now`; ids and everything else never change.
 */
export function buildSeedPlan(now: Date, project: ProjectConfig): SeedPlan {
  const random = createRandom(SEED);
  const program = seedProgram(project);
  // The cheapest catalog item is what a few users spend their first points on.
  const reward = [...(project.rewards?.catalog ?? [])].sort((a, b) => a.cost - b.cost)[0];
  const users = buildSeedUsers(random);
  const plan: SeedPlan = { users, batches: [], serverEvents: [], responses: [], recentUserIds: [], redemptions: [] };
  users.forEach((user, index) => {
    const history = buildUserHistory(user, index + 1, program, random, now.getTime());
    for (const events of chunk(history.events)) plan.batches.push({ user, events });
    const last = plan.serverEvents.at(-1);
    if (last && last.length + history.serverEvents.length <= SERVER_EVENTS_PER_REQUEST) last.push(...history.serverEvents);
    else if (history.serverEvents.length > 0) plan.serverEvents.push([...history.serverEvents]);
    if (history.response) plan.responses.push(history.response);
    if (now.getTime() - history.lastSeenAt > 7 * DAY_MS) return;
    plan.recentUserIds.push(user.id);
    // Checklist points (the demo pays 50 per item) buy the cheapest item; some spend them.
    if (reward && history.checklistItemsDone > 0 && random.chance(0.3))
      plan.redemptions.push({ userId: user.id, itemId: reward.id, requestId: `dseed-redeem-${user.id}` });
  });
  return plan;
}
