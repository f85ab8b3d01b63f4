import type { AdoptionGroup, AnnouncementKpis } from '@hearth/schema';
import { DAY_MS } from '../domain/time.js';
import { percent } from './median.js';
import { compareProportions } from './stats/comparison.js';

/**
 * Announcement KPIs (docs/reference/kpi-definitions.md, "Engagement and adoption → Announcement").
 *
 * - reach: users the announcement was shown to (feed item visible, boosted toast/modal, or digest
 *   entry) — the first such time is the user's exposure;
 * - read rate: users who read it (feed item visible) ÷ reach;
 * - CTA click rate: users who clicked its call to action ÷ reach;
 * - reactions: users by their latest reaction, with one-line feedback count;
 * - adoption after announcement (when it has a `featureEvent` X): among *exposed* users who had
 *   not done X before their exposure, the share whose first X falls within `adoptionDays` after it;
 *   against a control group of users *in the same audience who were not exposed* (and had not done
 *   X before the announcement was published), measured from the publish time. `lift` is the
 *   difference in percentage points, `comparison` the same with its 95 % interval (Newcombe) and the
 *   too-small warning. The control is not randomized (it is whoever was not reached), so the lift
 *   is association; a prompt's `sample` can make it a randomized one. Users who already used X are
 *   reported, not counted.
 * Only what happened before `to` counts; rates are null when their denominator is 0.
 */

/** One user, as the store folds them: first times (epoch ms) of what matters here. */
export interface AnnouncementKpiUser {
  userId: string;
  /**
   * In the announcement's audience (evaluated by the caller); only these can be controls. Null when
   * not evaluated: membership only decides who of the never-exposed users is a control.
   */
  inAudience: boolean | null;
  shownAt: number | null;
  readAt: number | null;
  ctaAt: number | null;
  reaction: 'up' | 'down' | null;
  feedback: boolean;
  /** First time the user ever did the feature event. */
  featureFirstAt: number | null;
}

export interface AnnouncementKpiQuery {
  publishedAt: number;
  /** Exclusive end: nothing at or after it is counted. */
  to: number;
  adoptionDays: number;
  hasFeatureEvent: boolean;
}

const before = (at: number | null, to: number): at is number => at !== null && at < to;

function adoptionGroup(starts: readonly { start: number; first: number | null }[], days: number, to: number): AdoptionGroup {
  let users = 0;
  let adopted = 0;
  let alreadyUsing = 0;
  for (const { start, first } of starts) {
    if (before(first, to) && first < start) {
      alreadyUsing += 1;
      continue;
    }
    users += 1;
    if (before(first, to) && first <= start + days * DAY_MS) adopted += 1;
  }
  return { users, adopted, rate: percent(adopted, users), alreadyUsing };
}

export function announcementKpis(users: readonly AnnouncementKpiUser[], query: AnnouncementKpiQuery): AnnouncementKpis {
  const { to } = query;
  // Reading or clicking implies it was on screen, whatever the widget reported first.
  const exposure = (u: AnnouncementKpiUser) => {
    const times = [u.shownAt, u.readAt, u.ctaAt].filter((t): t is number => before(t, to));
    return times.length ? Math.min(...times) : null;
  };
  const reached = users.filter((u) => exposure(u) !== null);
  const read = reached.filter((u) => before(u.readAt, to)).length;
  const ctaClicks = reached.filter((u) => before(u.ctaAt, to)).length;
  const controls = users.filter((u) => u.inAudience && exposure(u) === null && query.publishedAt < to);
  const exposed = adoptionGroup(
    reached.map((u) => ({ start: exposure(u) as number, first: u.featureFirstAt })),
    query.adoptionDays,
    to,
  );
  const control = adoptionGroup(
    controls.map((u) => ({ start: query.publishedAt, first: u.featureFirstAt })),
    query.adoptionDays,
    to,
  );
  return {
    reach: reached.length,
    read,
    readRate: percent(read, reached.length),
    ctaClicks,
    ctaClickRate: percent(ctaClicks, reached.length),
    reactions: {
      up: reached.filter((u) => u.reaction === 'up').length,
      down: reached.filter((u) => u.reaction === 'down').length,
      feedback: reached.filter((u) => u.feedback).length,
    },
    adoption: query.hasFeatureEvent
      ? {
          days: query.adoptionDays,
          exposed,
          control,
          lift: exposed.rate === null || control.rate === null ? null : exposed.rate - control.rate,
          comparison: compareProportions(
            { n: exposed.users, successes: exposed.adopted },
            { n: control.users, successes: control.adopted },
            { exposed: 'the exposed users', control: 'the unexposed audience' },
          ),
        }
      : null,
  };
}
