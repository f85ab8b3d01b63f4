import { performance } from 'node:perf_hooks';
import { createApp, parseConfig, seedPrompts, type Store } from '../../packages/collector/src/index.js';
import { drawnArm } from '../../packages/collector/src/domain/checklist/holdout.js';
import { writeAccountsAndRevenue } from './accounts-revenue.js';
import { writeActivity, type DataSetOptions } from './data-set.js';
import type { ActivityModel, Announcement } from './day-events.js';
import { inPool } from './pool.js';
import { DAY_MS, type BenchUser } from './population.js';
import { CHECKLIST_ID, CHECKLIST_ITEMS, kpiBenchConfig, PROJECT_ID, SECRET_KEY, SURVEY_ID, UPLIFT_CHECKLIST_ID } from './project.js';
import { createRandom } from './random.js';

type App = ReturnType<typeof createApp>;

export interface LoadStats {
  events: number;
  accepted: number;
  responses: number;
  ledgerEntries: number;
  redemptions: number;
  accounts: number;
  revenueFacts: number;
  /** `rollups`: folding the whole load into the KPI rollups once, as the first KPI query would. */
  seconds: { events: number; responsesAndLedger: number; accountsAndRevenue: number; rollups: number; total: number };
  eventsPerSecond: number;
}

export function adminRequest(app: App, method: string, path: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: { Authorization: `Bearer ${SECRET_KEY}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Announcements go through the admin API (create, then publish at their historical time). */
async function createAnnouncements(app: App, announcements: readonly Announcement[]): Promise<void> {
  for (const a of announcements) {
    const input = {
      id: a.id,
      status: 'draft',
      content: { title: `What's new: ${a.id}`, body: `All about **${a.id}**.` },
      ...(a.featureEvent ? { featureEvent: a.featureEvent } : {}),
    };
    for (const [path, body] of [
      ['/v1/admin/announcements', input],
      [`/v1/admin/announcements/${a.id}/publish`, { at: new Date(a.publishAt).toISOString() }],
    ] as const) {
      const res = await adminRequest(app, 'POST', path, body);
      if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    }
  }
}

/** NPS responses through `store.responses.insert` (one row per user and cycle, traits snapshot at answer time). */
async function writeResponses(store: Store, model: ActivityModel, inFlight: number): Promise<void> {
  await inPool(model.responses, inFlight, async ({ user, score, at }) => {
    const answeredAt = new Date(at);
    const record = {
      surveyId: SURVEY_ID,
      userId: user.userId,
      anonymous: false,
      cycle: 1,
      answer: { type: 'nps' as const, score },
      comment: null,
      traits: user.traits,
      locale: user.traits.locale,
      answeredAt,
      updatedAt: answeredAt,
    };
    if (!(await store.responses.insert(PROJECT_ID, record))) throw new Error(`response of ${user.userId} already stored`);
  });
}

/** Ledger entries through the rewards store: each user's changes in order, users side by side. */
async function writeLedger(store: Store, model: ActivityModel, inFlight: number): Promise<{ entries: number; redemptions: number }> {
  let entries = 0;
  let redemptions = 0;
  await inPool(model.ledgers(), inFlight, async ([user, ops]) => {
    for (const op of ops) {
      if (op.kind === 'earn') {
        await store.rewards.append({
          projectId: PROJECT_ID,
          id: op.key,
          userId: user.userId,
          amount: op.points,
          reason: `Earned: ${op.ruleId}`,
          ruleId: op.ruleId,
          at: op.at,
        });
      } else {
        await store.rewards.redeem({
          projectId: PROJECT_ID,
          id: op.key,
          userId: user.userId,
          item: { id: 'sticker-pack', cost: 50 },
          at: op.at,
        });
        redemptions++;
      }
      entries++;
    }
  });
  return { entries, redemptions };
}

/**
 * The holdout checklist's groups (checklist_assignments), as the targeting decision records them:
 * each user drawn by the checklist's own hash when first active (the morning of their first day).
 */
async function writeAssignments(store: Store, users: readonly BenchUser[], start: number, inFlight: number): Promise<void> {
  const prompt = parseConfig(kpiBenchConfig).projects[0]?.prompts.find((p) => p.id === UPLIFT_CHECKLIST_ID);
  if (prompt?.kind !== 'checklist') throw new Error(`the bench project has no checklist ${UPLIFT_CHECKLIST_ID}`);
  await inPool(users, inFlight, async (user) => {
    const at = start + user.startDay * DAY_MS + 9 * 3_600_000;
    await store.prompts.assign(PROJECT_ID, user.userId, new Map([[prompt.id, drawnArm(prompt, user.userId)]]), at);
  });
}

/**
 * Fills an empty store with the data set through the collector's own write paths: prompts seeded
 * as at start-up, announcements via the admin API, events via `writeEvents` (group commit,
 * time-ordered ids), responses, ledger entries, account memberships and revenue facts via their
 * sub-stores.
 */
export async function loadDataSet(store: Store, options: DataSetOptions): Promise<LoadStats> {
  const started = performance.now();
  const start = options.end - options.days * 86_400_000;
  await seedPrompts(store, parseConfig(kpiBenchConfig), start);
  await createAnnouncements(createApp({ store, config: kpiBenchConfig, clock: () => options.end }), options.announcements);
  // PostgreSQL's group commit overlaps up to 3 transactions; SQLite writes one at a time.
  const inFlight = store.kind === 'postgres' ? 6 : 2;
  const { model, users, written, accepted } = await writeActivity(store, options, inFlight);
  const eventsDone = performance.now();
  await writeResponses(store, model, inFlight);
  const ledger = await writeLedger(store, model, inFlight);
  const ledgerDone = performance.now();
  const accounts = await writeAccountsAndRevenue(store, users, createRandom(options.seed + 1), options, inFlight);
  await writeAssignments(store, users, start, inFlight);
  const accountsDone = performance.now();
  // Done here so the timed endpoints (and their cold call) do not pay for a whole bulk load.
  await store.kpi.refreshRollups();
  const done = performance.now();
  const eventSeconds = (eventsDone - started) / 1000;
  return {
    events: written,
    accepted,
    responses: model.responses.length,
    ledgerEntries: ledger.entries,
    redemptions: ledger.redemptions,
    accounts: accounts.accounts,
    revenueFacts: accounts.revenueFacts,
    seconds: {
      events: eventSeconds,
      responsesAndLedger: (ledgerDone - eventsDone) / 1000,
      accountsAndRevenue: (accountsDone - ledgerDone) / 1000,
      rollups: (done - accountsDone) / 1000,
      total: (done - started) / 1000,
    },
    eventsPerSecond: written / eventSeconds,
  };
}

/**
 * Builds the checklists' item definitions in the checklist rollup, as a collector has after the
 * checklist's first dashboard view (which reads events and asks for the build); run after the
 * planner statistics are fresh, as that view would be. Answers the seconds it took.
 */
export async function buildChecklistRollup(store: Store, end: number): Promise<number> {
  const started = performance.now();
  const items = CHECKLIST_ITEMS.map(([id, event]) => ({ id, completeWhen: { type: 'event' as const, event } }));
  for (const promptId of [CHECKLIST_ID, UPLIFT_CHECKLIST_ID])
    await store.kpi.checklistRows(PROJECT_ID, { promptId, items, from: new Date(end - 30 * 86_400_000), to: new Date(end) });
  await store.kpi.refreshRollups();
  return (performance.now() - started) / 1000;
}
