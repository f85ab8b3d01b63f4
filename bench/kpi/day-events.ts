import { ANNOUNCEMENT_EVENTS, CHECKLIST_EVENTS, PROMPT_EVENTS, type JsonValue } from '../../packages/schema/src/index.js';
import { DAY_MS, type BenchUser } from './population.js';
import { CHECKLIST_ID, CHECKLIST_ITEMS, SURVEY_ID } from './project.js';
import type { Random } from './random.js';

type Properties = Record<string, JsonValue>;

/** An event before it gets its time-ordered id and becomes a store row. */
export interface RawEvent {
  type: 'track' | 'page' | 'identify';
  name: string | null;
  userId: string | null;
  anonymousId: string;
  /** The user's account, as the write path resolves it from the membership; null for visitors. */
  accountId: string | null;
  at: number;
  properties: Properties;
  traits: Properties | null;
}

export interface ResponseToWrite {
  user: BenchUser;
  score: number;
  at: number;
}

/** A ledger change, applied per user in order after the events: earn (rule) or redeem. */
export type LedgerOp =
  { kind: 'earn'; ruleId: string; key: string; points: number; at: number } | { kind: 'redeem'; key: string; at: number };

export interface Announcement {
  id: string;
  publishAt: number;
  featureEvent?: string;
}

/** Per-user progress the generator carries from day to day. */
interface UserState {
  seen: boolean;
  checklistShown: boolean;
  itemsDone: Set<string>;
  surveyShown: boolean;
  read: Set<string>;
  balance: number;
  ledger: LedgerOp[];
}

const PAGES = ['/projects', '/projects/board', '/tasks', '/reports', '/settings', '/team', '/inbox', '/calendar'];
/** Product events, Zipf-like: browsing and tasks dominate, setup events are rare. */
const TRACKS: readonly (readonly [string, number])[] = [
  ['Task Created', 30],
  ['Task Completed', 25],
  ['Comment Added', 18],
  ['Board Viewed', 15],
  ['Search Performed', 10],
  ['File Uploaded', 6],
  ['Project Created', 4],
  ['Teammate Invited', 1.5],
  ['Report Exported', 1.2],
  ['Integration Connected', 0.4],
];
const ITEM_OF = new Map<string, string>(CHECKLIST_ITEMS.map(([itemId, event]) => [event, itemId]));
const NPS_SCORES: readonly (readonly [number, number])[] = [
  [10, 25],
  [9, 20],
  [8, 17],
  [7, 13],
  [6, 8],
  [5, 6],
  [4, 4],
  [3, 3],
  [2, 2],
  [1, 1],
  [0, 1],
];

export interface DayContext {
  random: Random;
  start: number;
  /** Multiplies each user's intensity so the data set reaches the requested size. */
  scale: number;
  announcements: readonly Announcement[];
}

/** Generates one day of activity: events, and the NPS responses and ledger changes they cause. */
export class ActivityModel {
  readonly #states = new Map<BenchUser, UserState>();
  readonly responses: ResponseToWrite[] = [];
  constructor(private readonly ctx: DayContext) {}

  ledgers(): [BenchUser, LedgerOp[]][] {
    return [...this.#states].filter(([, s]) => s.ledger.length > 0).map(([user, s]) => [user, s.ledger]);
  }

  #state(user: BenchUser): UserState {
    let state = this.#states.get(user);
    if (!state) {
      state = { seen: false, checklistShown: false, itemsDone: new Set(), surveyShown: false, read: new Set(), balance: 0, ledger: [] };
      this.#states.set(user, state);
    }
    return state;
  }

  /** One user's session on `day`, or nothing when the user is not active that day. */
  userDay(user: BenchUser, day: number, out: RawEvent[]): void {
    const { random, start, scale } = this.ctx;
    if (day < user.startDay || day >= user.endDay || !random.chance(user.dailyChance)) return;
    const state = this.#state(user);
    let at = start + day * DAY_MS + random.int(DAY_MS - 4 * 3_600_000);
    const base = { userId: user.userId, anonymousId: user.anonymousId, accountId: user.accountId, traits: null };
    const emit = (type: RawEvent['type'], name: string | null, properties: Properties = {}) => {
      at += 1_000 + random.int(90_000);
      out.push({ ...base, type, name, at, properties });
    };
    if (!state.seen) {
      state.seen = true;
      at += 1_000;
      out.push({ ...base, type: 'identify', name: null, at, properties: {}, traits: user.traits });
      if (random.chance(0.8)) {
        state.checklistShown = true;
        emit('track', PROMPT_EVENTS.shown, { promptId: CHECKLIST_ID, kind: 'checklist' });
      }
    }
    const count = Math.max(1, random.poisson(user.intensity * scale));
    for (let i = 0; i < count; i++) {
      if (i === 0 || random.chance(0.35)) {
        emit('page', null, { path: PAGES[random.int(PAGES.length)]! });
        continue;
      }
      const name = random.weighted(TRACKS);
      emit('track', name, { source: 'web' });
      this.#afterTrack(user, state, name, at, emit);
    }
    this.#engage(user, state, day, at, emit);
  }

  #afterTrack(
    user: BenchUser,
    state: UserState,
    name: string,
    at: number,
    emit: (type: RawEvent['type'], name: string | null, p?: Properties) => void,
  ) {
    if (name === 'Project Created' && user.rewardsMember) this.#earn(user, state, 'project-created', 10, at);
    const itemId = ITEM_OF.get(name);
    if (!itemId || !state.checklistShown || state.itemsDone.has(itemId)) return;
    state.itemsDone.add(itemId);
    emit('track', CHECKLIST_EVENTS.itemCompleted, { promptId: CHECKLIST_ID, itemId });
    if (user.rewardsMember) this.#earn(user, state, 'onboarding-step', 50, at);
    if (state.itemsDone.size === CHECKLIST_ITEMS.length)
      emit('track', PROMPT_EVENTS.completed, { promptId: CHECKLIST_ID, kind: 'checklist' });
  }

  /** Ledger keys are unique per project, as the engine's `rule:<rule>:<user>:<happening>` are. */
  #earn(user: BenchUser, state: UserState, ruleId: string, points: number, at: number) {
    state.ledger.push({ kind: 'earn', ruleId, key: `rule:${ruleId}:${user.userId}:${state.ledger.length}`, points, at });
    state.balance += points;
    if (state.balance >= 50 && this.ctx.random.chance(0.15)) {
      state.ledger.push({ kind: 'redeem', key: `bench-${user.userId}-${state.ledger.length}`, at: at + 60_000 });
      state.balance -= 50;
    }
  }

  /** NPS (once a user is a week old) and announcements (after they are published). */
  #engage(
    user: BenchUser,
    state: UserState,
    day: number,
    at: number,
    emit: (type: RawEvent['type'], name: string | null, p?: Properties) => void,
  ) {
    const { random } = this.ctx;
    if (!state.surveyShown && day >= user.startDay + 7 && random.chance(0.04)) {
      state.surveyShown = true;
      emit('track', PROMPT_EVENTS.shown, { promptId: SURVEY_ID, kind: 'survey', cycle: 1 });
      if (random.chance(0.55)) this.responses.push({ user, score: random.weighted(NPS_SCORES), at: at + 30_000 });
    }
    for (const a of this.ctx.announcements) {
      if (at < a.publishAt || state.read.has(a.id) || !random.chance(0.2)) continue;
      state.read.add(a.id);
      emit('track', ANNOUNCEMENT_EVENTS.read, { announcementId: a.id });
      if (random.chance(0.3)) emit('track', ANNOUNCEMENT_EVENTS.ctaClicked, { announcementId: a.id });
      if (random.chance(0.1))
        emit('track', ANNOUNCEMENT_EVENTS.reacted, { announcementId: a.id, reaction: random.chance(0.8) ? 'up' : 'down' });
    }
  }

  /** Never-identified visitors: a few page views on one day (≈ 3 % of events). */
  visitorDay(index: number, day: number, out: RawEvent[]): void {
    const { random, start } = this.ctx;
    let at = start + day * DAY_MS + random.int(DAY_MS - 3_600_000);
    for (let i = 1 + random.int(5); i > 0; i--) {
      at += 5_000 + random.int(60_000);
      out.push({
        type: 'page',
        name: null,
        userId: null,
        anonymousId: `visitor-${index}`,
        accountId: null,
        at,
        properties: { path: PAGES[random.int(PAGES.length)]! },
        traits: null,
      });
    }
  }
}
