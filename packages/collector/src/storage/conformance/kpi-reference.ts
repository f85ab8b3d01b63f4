import { DAY_MS } from '../../domain/time.js';
import type { ActiveUserCount } from '../../kpi/active-users.js';
import type { CohortCount } from '../../kpi/retention-cohorts.js';
import type { ActivityQuery, RetentionKpiStore } from '../kpi/retention-store.js';
import type { Store } from '../store.js';

interface Activity {
  subject: string;
  t: number;
  name: string | null;
}

/**
 * The retention KPIs computed in memory from every stored event and user, straight from the
 * definitions in docs/kpis.md: the reference the rolled-up SQL must equal, number for number.
 */
export async function referenceKpis(store: Store, projectId: string): Promise<RetentionKpiStore> {
  const events: Activity[] = (await store.listEvents(projectId)).map((e) => ({
    subject: e.userId === null ? `a:${e.anonymousId}` : `u:${e.userId}`,
    t: Date.parse(e.timestamp),
    name: e.name,
  }));
  const userIds = [...new Set(events.filter((e) => e.subject.startsWith('u:')).map((e) => e.subject.slice(2)))];
  const users = new Map(
    (await Promise.all(userIds.map((id) => store.getUser(projectId, id)))).flatMap((u) => (u ? [[u.userId, u] as const] : [])),
  );

  const inSegment = (subject: string, q: ActivityQuery) => {
    const segment = q.segment;
    if (!segment) return true;
    if (segment.kind !== 'trait') throw new Error(`the reference computes trait segments only, not ${segment.kind}`);
    const user = subject.startsWith('u:') ? users.get(subject.slice(2)) : undefined;
    return user !== undefined && segment.values.some((value) => value === user.traits[segment.trait]);
  };
  const scan = (q: ActivityQuery, lo = q.from.getTime()) =>
    events.filter((e) => e.t >= lo && e.t < q.to.getTime() && inSegment(e.subject, q));
  const count = <K>(keys: Iterable<K>) => new Set(keys).size;
  const perSubject = (seen: readonly Activity[]) => {
    const counts = new Map<string, number>();
    for (const e of seen) counts.set(e.subject, (counts.get(e.subject) ?? 0) + 1);
    return counts;
  };
  const firsts = (q: ActivityQuery) => {
    const first = new Map<string, number>();
    for (const [id, user] of users) first.set(`u:${id}`, Date.parse(user.firstSeen));
    if (!q.segment) {
      for (const e of events) if (e.subject.startsWith('a:')) first.set(e.subject, Math.min(first.get(e.subject) ?? Infinity, e.t));
    }
    return [...first].filter(([subject, at]) => at >= q.from.getTime() && at < q.to.getTime() && inSegment(subject, q));
  };
  const index = (t: number, q: ActivityQuery, period: number) => Math.floor((t - q.from.getTime()) / period);

  const kpis: RetentionKpiStore = {
    async activeUserCounts(_projectId, q) {
      const counts: ActiveUserCount[] = [];
      for (const [period, ms] of [
        ['day', DAY_MS],
        ['week', 7 * DAY_MS],
        ['month', 30 * DAY_MS],
      ] as const) {
        const byIndex = new Map<number, Set<string>>();
        for (const e of scan(q)) byIndex.set(index(e.t, q, ms), (byIndex.get(index(e.t, q, ms)) ?? new Set()).add(e.subject));
        for (const [i, subjects] of byIndex) counts.push({ period, index: i, users: subjects.size });
      }
      return counts;
    },
    async retentionCounts(_projectId, q) {
      const from = q.from.getTime();
      const lo = from - q.inactivityMs;
      const seen = scan(q, lo);
      const atStart = new Set(seen.filter((e) => e.t > lo && e.t < from).map((e) => e.subject));
      const atEnd = new Set(seen.filter((e) => e.t > q.to.getTime() - q.inactivityMs).map((e) => e.subject));
      return { customersAtStart: atStart.size, retained: [...atStart].filter((s) => atEnd.has(s)).length };
    },
    async retentionSeries(projectId, { bounds, inactivityMs }) {
      const periods = bounds.slice(1).map((to, i) => ({ from: new Date(bounds[i]!), to: new Date(to), inactivityMs }));
      return Promise.all(periods.map((q) => kpis.retentionCounts(projectId, q)));
    },
    async cohortCounts(_projectId, q) {
      const cohortOf = new Map(firsts(q).map(([subject, at]) => [subject, index(at, q, q.periodMs)]));
      const cells = new Map<string, number>();
      const seen = new Set<string>();
      for (const e of scan(q)) {
        const cohort = cohortOf.get(e.subject);
        const key = `${e.subject}\u0000${index(e.t, q, q.periodMs)}`;
        if (cohort === undefined || seen.has(key)) continue;
        seen.add(key);
        const cell = `${cohort},${index(e.t, q, q.periodMs) - cohort}`;
        cells.set(cell, (cells.get(cell) ?? 0) + 1);
      }
      return [...cells].map(([cell, users]): CohortCount => {
        const [cohort, offset] = cell.split(',').map(Number) as [number, number];
        return { cohort, offset, users };
      });
    },
    async dropOffCounts(_projectId, q) {
      const to = q.to.getTime();
      const news = firsts(q);
      const eligible = news.filter(([, at]) => at + q.firstDaysMs < to);
      const returned = eligible.filter(([subject, at]) =>
        events.some((e) => e.subject === subject && e.t >= at + q.firstDaysMs && e.t < to),
      );
      return { newUsers: news.length, eligible: eligible.length, returned: returned.length };
    },
    async engagementCounts(_projectId, q) {
      const seen = scan(q);
      return {
        activeUsers: count(seen.map((e) => e.subject)),
        events: seen.length,
        activeDays: count(seen.map((e) => `${e.subject}\u0000${index(e.t, q, DAY_MS)}`)),
        adopters: q.event === undefined ? 0 : count(seen.filter((e) => e.name === q.event).map((e) => e.subject)),
        eventsSquared: [...perSubject(seen).values()].reduce((total, n) => total + n * n, 0),
      };
    },
    async segmentUserIds(_projectId, segment) {
      return [...users.keys()].filter((id) => inSegment(`u:${id}`, { from: new Date(0), to: new Date(0), segment })).sort();
    },
  };
  return kpis;
}
