import type { AnnouncementRecord, AnnouncementsState } from '@hearth/schema';
import { evaluateAudience } from '../targeting/evaluate.js';
import type { UserFacts } from '../targeting/facts.js';
import { DAY_MS } from '../time.js';
import type { AnnouncementActivity } from './activity.js';
import { afterCursor, cursorOf, toItem, visibleRecords } from './visible.js';

export const DEFAULT_PAGE_SIZE = 10;
/** A digest is a compact list: the newest few, the rest are in the feed anyway. */
export const MAX_DIGEST_ITEMS = 10;

export interface AnnouncementStateContext {
  /** `facts.lastSeen` must be the last activity *before the current visit* (domain/visit.ts). */
  facts: UserFacts;
  /** False for a visitor known only by an anonymous id. */
  identified: boolean;
  activity: AnnouncementActivity;
  now: Date;
  /** The project's `inactivityDays`: the gap after which a returning user gets a digest. */
  inactivityDays: number;
  /** Interrupting displays the fatigue budget still allows after this state's prompts took theirs. */
  fatigueRemaining: number;
  pageSize?: number;
}

/** One page of the feed after `cursor` (`GET /v1/announcements?before=`). */
export function announcementPage(records: readonly AnnouncementRecord[], ctx: AnnouncementStateContext, cursor?: string) {
  const visible = visibleRecords(records, ctx.facts, ctx.now, ctx.identified);
  const rest = afterCursor(visible, cursor);
  const page = rest.slice(0, ctx.pageSize ?? DEFAULT_PAGE_SIZE);
  const last = page.at(-1);
  return {
    visible,
    items: page.map((record) => toItem(record, ctx.facts.locale, ctx.activity)),
    ...(last && rest.length > page.length ? { nextCursor: cursorOf(last) } : {}),
  };
}

/**
 * "Since you were away": when the user's last activity before this visit is at least
 * `inactivityDays` ago and no digest was shown since, the unread announcements published after that
 * last activity whose digest settings (and digest audience) include this user, newest first.
 */
export function digestFor(visible: readonly AnnouncementRecord[], ctx: AnnouncementStateContext): AnnouncementsState['digest'] {
  const lastSeen = ctx.facts.lastSeen?.getTime();
  if (lastSeen === undefined || ctx.now.getTime() - lastSeen < ctx.inactivityDays * DAY_MS) return undefined;
  if (ctx.activity.digestsShownAt.some((at) => at >= lastSeen)) return undefined;
  const entries = visible
    .filter(({ announcement: a }) => a.digest.include && Date.parse(a.publishAt ?? '') > lastSeen && !ctx.activity.read.has(a.id))
    .filter(({ announcement: a }) => evaluateAudience(a.digest.audience, ctx.facts, ctx.now, { promptId: a.id }).matched)
    .slice(0, MAX_DIGEST_ITEMS)
    .map((record) => {
      const { id, title, category, categoryLabel, publishedAt } = toItem(record, ctx.facts.locale, ctx.activity);
      return { id, title, category, publishedAt, ...(categoryLabel ? { categoryLabel } : {}) };
    });
  return entries.length ? { since: new Date(lastSeen).toISOString(), entries } : undefined;
}

/**
 * The announcements part of `/v1/state`: the first feed page, the unread count over everything
 * visible, at most one boosted announcement (newest unseen, unread, within the fatigue budget, and
 * never in the same state as a digest: one interruption at a time), and the digest.
 */
export function buildAnnouncementsState(records: readonly AnnouncementRecord[], ctx: AnnouncementStateContext): AnnouncementsState {
  const { visible, items, nextCursor } = announcementPage(records, ctx);
  const digest = digestFor(visible, ctx);
  const boost =
    digest || ctx.fatigueRemaining <= 0
      ? undefined
      : visible.find(({ announcement: a }) => a.boosted && !ctx.activity.boostedShown.has(a.id) && !ctx.activity.read.has(a.id));
  return {
    unread: visible.filter(({ announcement: a }) => !ctx.activity.read.has(a.id)).length,
    items,
    ...(nextCursor ? { nextCursor } : {}),
    ...(boost ? { boosted: { style: boost.announcement.boostStyle, item: toItem(boost, ctx.facts.locale, ctx.activity) } } : {}),
    ...(digest ? { digest } : {}),
  };
}
