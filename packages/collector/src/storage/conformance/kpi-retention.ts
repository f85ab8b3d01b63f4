import type { JsonValue } from '@hearth/schema';
import { describe, expect } from 'vitest';
import { activeUsersSeries } from '../../kpi/active-users.js';
import { churnKpis } from '../../kpi/churn.js';
import { FIRST_DAYS_MS } from '../../kpi/drop-off.js';
import { cohortRetention } from '../../kpi/retention-cohorts.js';
import { PERIOD_MS } from '../../kpi/retention-periods.js';
import { newEvent } from '../../test-support/events.js';
import type { NewEvent } from '../../domain/events.js';
import { segmentOf, traitSegmentOf, type KpiSegment } from '../../kpi/segment.js';
import { projectHolding } from '../../test-support/holdout.js';
import { storeTest, type OpenStore } from './harness.js';
import { revenueFactRow } from '../../domain/revenue/revenue-fact.js';
import { fact as revenueFact } from '../../test-support/revenue.js';
import { npsAnswers } from '../../test-support/nps-answers.js';

const D = PERIOD_MS.day;
const FROM = Date.parse('2026-03-02T00:00:00.000Z');
const TO = FROM + 14 * D;
const range = { from: new Date(FROM), to: new Date(TO) };
const N = 10 * D;
const pro: KpiSegment = { kind: 'trait', trait: 'plan', values: ['pro'] };
const free: KpiSegment = { kind: 'trait', trait: 'plan', values: ['free'] };

/**
 * Hand-computed fixture: range [FROM, FROM + 14 d), inactivity N = 10 days. `identify` events are
 * activity too. Day k = [FROM + k d, FROM + (k+1) d).
 * - ada (pro): identify −20 d, event −5 d, "Report Exported" day 13.
 * - bob (free): identify −15 d, event −3 d, then silent.
 * - cat (pro): identify −12 d, event +1 d.
 * - dan (free): identify at FROM (first seen, cohort 0), 2 × "Report Exported" +2 d, event at
 *   exactly +7 d (the first instant after his first week → came back).
 * - eve (pro): identify +1 d, event +8 d − 1 ms (still inside her first week) → dropped off.
 * - fay (free): identify +7 d (cohort 1), event +8 d; her first week ends at TO → pending.
 * - gus (free): identify +7 d − 1 ms (cohort 0); week ends 1 ms before TO → eligible, dropped off.
 * - visitor v1 (never identified): events +3 d ("Report Exported") and exactly +10 d → came back.
 * - hal (free): as anonymous a-hal an event −1 d, then identify +2 d (the −1 d event becomes his,
 *   so he was first seen −1 d), event at exactly TO − N → not active at TO.
 * - ivy (pro): identify exactly FROM − N (not a customer at FROM), event +5 d.
 * - jon (pro): identify exactly at TO: outside everything.
 */
function fixture(projectId: string): NewEvent[][] {
  const ev = (userId: string | null, at: number, extra: Partial<NewEvent> = {}) =>
    newEvent({
      projectId,
      userId,
      anonymousId: userId ? `a-${userId}` : 'v1',
      name: 'Page Viewed',
      properties: {},
      timestamp: at,
      receivedAt: at,
      ...extra,
    });
  const identify = (userId: string, plan: string, at: number, anonymousId = `a-${userId}`) =>
    ev(userId, at, { type: 'identify', name: null, anonymousId, traits: { plan } as Record<string, JsonValue> });
  const exported = { name: 'Report Exported' };
  return [
    [ev(null, FROM - D, { anonymousId: 'a-hal' })],
    [
      identify('ada', 'pro', FROM - 20 * D),
      ev('ada', FROM - 5 * D),
      ev('ada', FROM + 13 * D, exported),
      identify('bob', 'free', FROM - 15 * D),
      ev('bob', FROM - 3 * D),
      identify('cat', 'pro', FROM - 12 * D),
      ev('cat', FROM + D),
      identify('dan', 'free', FROM),
      ev('dan', FROM + 2 * D, exported),
      ev('dan', FROM + 2 * D + 3_600_000, exported),
      ev('dan', FROM + 7 * D),
      identify('eve', 'pro', FROM + D),
      ev('eve', FROM + 8 * D - 1),
      identify('fay', 'free', FROM + 7 * D),
      ev('fay', FROM + 8 * D),
      identify('gus', 'free', FROM + 7 * D - 1),
      ev(null, FROM + 3 * D, exported),
      ev(null, FROM + 10 * D),
      identify('hal', 'free', FROM + 2 * D, 'a-hal'),
      ev('hal', TO - N, { anonymousId: 'a-hal' }),
      identify('ivy', 'pro', FROM - N),
      ev('ivy', FROM + 5 * D),
      identify('jon', 'pro', TO),
    ],
  ];
}

async function seed(store: Awaited<ReturnType<OpenStore>>, projectId: string) {
  for (const batch of fixture(projectId)) await store.writeEvents(batch);
}

/** Retention KPI counts: every store must give the hand-computed figures. */
export function kpiRetentionConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('retention KPI counts', () => {
    withStore('active users per day, week and 30-day month, overall and for a segment', async (store, projectId) => {
      await seed(store, projectId);
      const series = activeUsersSeries(await store.kpi.activeUserCounts(projectId, range), range);
      // dan | cat eve | dan hal | v1 | hal | ivy | gus | dan eve fay | fay | – | v1 | – | – | ada
      expect(series.daily.map((p) => p.activeUsers)).toEqual([1, 2, 2, 1, 1, 1, 1, 3, 1, 0, 1, 0, 0, 1]);
      expect(series.weekly.map((p) => p.activeUsers)).toEqual([7, 5]);
      expect(series.monthly).toEqual([{ start: range.from.toISOString(), end: range.to.toISOString(), complete: false, activeUsers: 9 }]);
      const proSeries = activeUsersSeries(await store.kpi.activeUserCounts(projectId, { ...range, segment: pro }), range);
      expect(proSeries.weekly.map((p) => p.activeUsers)).toEqual([3, 2]); // cat eve ivy | eve ada
    });

    withStore('churn: customers active in the N days before from, lost when silent N days by to', async (store, projectId) => {
      await seed(store, projectId);
      const counts = (segment?: typeof pro) => store.kpi.retentionCounts(projectId, { ...range, inactivityMs: N, segment });
      // At FROM: ada (−5 d), bob (−3 d), hal (−1 d, as a visitor). At TO only ada (hal's last event is exactly N old).
      expect(await counts()).toEqual({ customersAtStart: 3, retained: 1 });
      expect(churnKpis(await counts(pro))).toMatchObject({ customersAtStart: 1, churnRate: 0, retentionRate: 100 });
      expect(churnKpis(await counts(free))).toMatchObject({ customersAtStart: 2, lost: 2, churnRate: 100, retentionRate: 0 });
      expect(churnKpis(await counts({ kind: 'trait', trait: 'plan', values: ['enterprise'] }))).toMatchObject({
        customersAtStart: 0,
        churnRate: null,
        retentionRate: null,
      });
    });

    withStore('weekly and monthly cohorts by first activity ever', async (store, projectId) => {
      await seed(store, projectId);
      const weekly = await store.kpi.cohortCounts(projectId, { ...range, periodMs: PERIOD_MS.week });
      // Cohort 0: dan eve gus v1; in week 1: dan eve v1. Cohort 1: fay. hal was first seen before FROM.
      expect(cohortRetention(weekly, range, 'week').map((c) => [c.size, c.retention])).toEqual([
        [4, [100, 75]],
        [1, [100]],
      ]);
      const monthly = await store.kpi.cohortCounts(projectId, { ...range, periodMs: PERIOD_MS.month });
      expect(monthly).toEqual([{ cohort: 0, offset: 0, users: 5 }]);
      const proCohorts = await store.kpi.cohortCounts(projectId, { ...range, periodMs: PERIOD_MS.week, segment: pro });
      expect(proCohorts.sort((a, b) => a.offset - b.offset)).toEqual([
        { cohort: 0, offset: 0, users: 1 },
        { cohort: 0, offset: 1, users: 1 },
      ]);
    });

    withStore('7-day drop-off with its exact edges', async (store, projectId) => {
      await seed(store, projectId);
      const dropOff = (segment?: typeof pro) => store.kpi.dropOffCounts(projectId, { ...range, firstDaysMs: FIRST_DAYS_MS, segment });
      // New: dan eve gus v1 fay; fay pending; dan and v1 came back at exactly first + 7 d.
      expect(await dropOff()).toEqual({ newUsers: 5, eligible: 4, returned: 2 });
      expect(await dropOff(pro)).toEqual({ newUsers: 1, eligible: 1, returned: 0 });
    });

    withStore("engagement: active users, events, active days and a feature's adopters", async (store, projectId) => {
      await seed(store, projectId);
      const event = 'Report Exported';
      // 9 active (all but bob and jon); 16 events on 15 subject-days; exporters dan v1 ada.
      // Pro: ada, cat, eve (identify day 1, event day 7), ivy → 5 events on 5 days; exporter ada.
      // Events per active subject: dan 4; eve, fay, hal, v1 2; ada, cat, gus, ivy 1 → Σ² = 16 + 4 × 4 + 4 × 1 = 36.
      expect(await store.kpi.engagementCounts(projectId, { ...range, event })).toEqual({
        activeUsers: 9,
        events: 16,
        activeDays: 15,
        adopters: 3,
        eventsSquared: 36,
      });
      expect(await store.kpi.engagementCounts(projectId, { ...range })).toMatchObject({ activeUsers: 9, adopters: 0 });
      expect(await store.kpi.engagementCounts(projectId, { ...range, event, segment: pro })).toEqual({
        activeUsers: 4,
        events: 5,
        activeDays: 5,
        adopters: 1,
        eventsSquared: 7, // eve 2, ada cat ivy 1
      });
    });

    withStore('a segment compares typed values: seats:5 matches the number 5, beta:true the boolean', async (store, projectId) => {
      const user = (userId: string, traits: Record<string, JsonValue>) =>
        newEvent({
          projectId,
          type: 'identify',
          name: null,
          userId,
          anonymousId: `a-${userId}`,
          traits,
          timestamp: FROM + D,
          receivedAt: FROM + D,
        });
      await store.writeEvents([
        user('number', { seats: 5, beta: true }),
        user('decimal', { seats: 5.5, beta: 'true' }),
        user('text', { seats: '5', beta: false }),
        user('other', { seats: 50, beta: 1 }),
        user('nested', { seats: [5], beta: { on: true } }),
      ]);
      const active = async (trait: string) =>
        (await store.kpi.engagementCounts(projectId, { ...range, segment: traitSegmentOf(segmentOf(trait)) })).activeUsers;
      expect(await active('seats:5')).toBe(2); // number and text
      expect(await active('seats:5.0')).toBe(1); // the number 5 only: the text "5" is not "5.0"
      expect(await active('seats:5.5')).toBe(1);
      expect(await active('beta:true')).toBe(2); // true and "true", not 1
      expect(await active('beta:false')).toBe(1);
      expect(await active('seats:05')).toBe(0);
    });

    withStore('lifecycle, program and listed-user segments: one filter, the same on both stores', async (store, projectId) => {
      await seed(store, projectId);
      // ada earned before TO (a member at TO); cat's first points come at TO, too late.
      const earn = (userId: string, at: number) =>
        store.rewards.append({ projectId, id: `join-${userId}`, userId, amount: 10, reason: 'Welcome', ruleId: null, at });
      await earn('ada', FROM);
      await earn('cat', TO);
      const active = async (segment: KpiSegment) => (await store.kpi.engagementCounts(projectId, { ...range, segment })).activeUsers;
      // First seen, from TO: ada −34 d, bob −29, hal −15, ivy −24, cat −26, dan −14, eve −13, gus −7 d − 1 ms,
      // fay −7, jon at TO (outside). Active in range: all but bob and jon, and v1 (never in a segment).
      expect(await active({ kind: 'first-seen', fromMs: TO - 30 * D, toMs: TO })).toBe(7); // cat dan eve fay gus hal ivy
      expect(await active({ kind: 'first-seen', fromMs: null, toMs: TO - 30 * D })).toBe(1); // ada
      expect(await active({ kind: 'member' })).toBe(1); // ada
      expect(await active({ kind: 'non-member' })).toBe(7); // cat dan eve fay gus hal ivy
      expect(await active({ kind: 'users', ids: ['dan', 'eve', 'nobody'], negate: false })).toBe(2);
      expect(await active({ kind: 'users', ids: ['dan', 'eve'], negate: true })).toBe(6); // ada cat fay gus hal ivy
      expect(await active({ kind: 'users', ids: [], negate: false })).toBe(0);
      // At risk for 7 days: a day active in [TO − 37 d, TO − 7 d), none in [TO − 7 d, TO). Last active day:
      // ada TO − 1 d, dan and eve TO − 7 d, fay TO − 6 d (recent); bob −17, cat −13, gus −8, hal −10, ivy −9 (at risk).
      expect(await active({ kind: 'at-risk', days: 7 })).toBe(4); // cat gus hal ivy (bob is not active in the range)
      expect(await store.kpi.segmentUserIds(projectId, { kind: 'at-risk', days: 7 }, range.to)).toEqual([
        'bob',
        'cat',
        'gus',
        'hal',
        'ivy',
      ]);
      expect(await store.kpi.segmentUserIds(projectId, { kind: 'member' }, range.to)).toEqual(['ada']);
      expect(await store.kpi.segmentUserIds(projectId, pro, range.to)).toEqual(['ada', 'cat', 'eve', 'ivy', 'jon']);
      const churn = await store.kpi.retentionCounts(projectId, { ...range, inactivityMs: N, segment: { kind: 'at-risk', days: 7 } });
      expect(churn).toEqual({ customersAtStart: 2, retained: 0 }); // bob and hal (his −1 d visit is his): customers at FROM, lost by TO
      const dropOff = await store.kpi.dropOffCounts(projectId, { ...range, firstDaysMs: FIRST_DAYS_MS, segment: { kind: 'non-member' } });
      expect(dropOff).toEqual({ newUsers: 4, eligible: 3, returned: 1 }); // dan eve gus fay; fay pending; dan came back
    });

    withStore(
      "a segment's revenue customers: its users, and accounts by their own traits and age or by their members",
      async (store, projectId) => {
        await seed(store, projectId);
        await store.rewards.append({ projectId, id: 'join-ada', userId: 'ada', amount: 10, reason: 'Welcome', ruleId: null, at: FROM });
        // north (ada, dan) pro, 10 seats, since TO − 54 d; south (cat, gus) trial, "10" seats, since TO − 5 d;
        // west (eve, fay) 9 seats, since TO − 10 d; east (hal, ivy) no traits, since TO − 114 d.
        const accounts: [string, Record<string, JsonValue>, number, string[]][] = [
          ['north', { plan: 'pro', seats: 10 }, TO - 54 * D, ['ada', 'dan']],
          ['south', { plan: 'trial', seats: '10' }, TO - 5 * D, ['cat', 'gus']],
          ['west', { seats: 9 }, TO - 10 * D, ['eve', 'fay']],
          ['east', {}, TO - 114 * D, ['hal', 'ivy']],
        ];
        for (const [id, traits, at, members] of accounts) {
          await store.accounts.setTraits(projectId, id, traits, at);
          for (const userId of members) await store.accounts.addMember(projectId, id, userId, { joinedAt: at, activeAt: at });
        }
        // east is also billed since TO − 200 d (before Hearth saw it), and "far" only known from its revenue, since TO − 20 d.
        for (const [id, accountId, days] of [
          ['east-start', 'east', 200],
          ['far-start', 'far', 20],
        ] as const)
          await store.revenue.record(
            revenueFactRow(
              projectId,
              revenueFact({
                id,
                type: 'subscription_started',
                accountId,
                subscriptionId: id,
                amount: 100,
                currency: 'EUR',
                interval: 'month',
                occurredAt: new Date(TO - days * D).toISOString(),
              }),
              'EUR',
            ),
            TO,
          );
        const accountsOf = async (segment: KpiSegment) => (await store.kpi.segmentCustomers(projectId, segment, range.to)).accountIds;
        const trait = (text: string) => traitSegmentOf(segmentOf(text)) as KpiSegment;
        expect(await accountsOf(trait('plan:pro'))).toEqual(['north']);
        // Typed: seats:10 is the number 10 and the text "10"; seats:10.0 the number only; 9 is not 10.
        expect(await accountsOf(trait('seats:10'))).toEqual(['north', 'south']);
        expect(await accountsOf(trait('seats:10.0'))).toEqual(['north']);
        expect(await accountsOf(trait('seats:9'))).toEqual(['west']);
        expect(await accountsOf({ kind: 'first-seen', fromMs: TO - 30 * D, toMs: TO })).toEqual(['far', 'south', 'west']);
        expect(await accountsOf({ kind: 'first-seen', fromMs: null, toMs: TO - 90 * D })).toEqual(['east']);
        expect(await accountsOf({ kind: 'first-seen', fromMs: null, toMs: TO - 150 * D })).toEqual(['east']); // by its revenue
        // At risk for 7 days (users bob cat gus hal ivy): south and east have no member active since TO − 7 d.
        expect(await store.kpi.segmentCustomers(projectId, { kind: 'at-risk', days: 7 }, range.to)).toEqual({
          userIds: ['bob', 'cat', 'gus', 'hal', 'ivy'],
          accountIds: ['east', 'south'],
        });
        expect(await accountsOf({ kind: 'member' })).toEqual(['north']);
        expect(await accountsOf({ kind: 'non-member' })).toEqual(['east', 'south', 'west']);
        // A listed group holds the accounts whose members are all listed; its complement the others.
        expect(await accountsOf({ kind: 'users', ids: ['cat', 'gus', 'eve'], negate: false })).toEqual(['south']);
        expect(await accountsOf({ kind: 'users', ids: ['cat', 'gus', 'eve'], negate: true })).toEqual(['east', 'north', 'west']);
      },
    );

    withStore("program groups: the grouped statements give each segment's own counts", async (store, base) => {
      // bob, dan and ivy drawn into the holdout; every other identified user exposed.
      const held = ['bob', 'dan', 'ivy'];
      const { projectId, percent } = projectHolding(base, held, ['ada', 'cat', 'eve', 'fay', 'gus', 'hal', 'jon']);
      await seed(store, projectId);
      const earn = (userId: string, amount: number, at: number) =>
        store.rewards.append({ projectId, id: `join-${userId}`, userId, amount, reason: 'Welcome', ruleId: null, at });
      await earn('ada', 50, FROM);
      await earn('hal', 20, FROM - 20 * D);
      await earn('cat', 5, TO);
      // Tiers from 10 and from 40 lifetime points: hal (20) reaches the first, ada (50) the second, cat (5) neither.
      const holdout = { percent, unit: 'user' as const };
      const groups = await store.kpi.programGroupCounts(projectId, { ...range, inactivityMs: N, holdout, tierMinPoints: [10, 40] });
      const countsOf = async (segment: KpiSegment) => {
        const retention = await store.kpi.retentionCounts(projectId, { ...range, inactivityMs: N, segment });
        const { activeUsers, events, eventsSquared } = await store.kpi.engagementCounts(projectId, { ...range, segment });
        return { retention, engagement: { active: activeUsers, events, eventsSquared } };
      };
      const users = (ids: readonly string[], negate = false): KpiSegment => ({ kind: 'users', ids, negate });
      expect(groups).toEqual({
        identified: await countsOf(users([], true)),
        member: await countsOf({ kind: 'member' }),
        nonMember: await countsOf({ kind: 'non-member' }),
        holdout: await countsOf(users(held)),
        exposed: await countsOf(users(held, true)),
        tiers: [await countsOf(users(['cat'])), await countsOf(users(['hal'])), await countsOf(users(['ada']))],
      });
      // The holdout segments draw the same users as the groups.
      expect(await countsOf({ kind: 'holdout', group: 'holdout', ...holdout })).toEqual(groups.holdout);
      expect(await countsOf({ kind: 'holdout', group: 'exposed', ...holdout })).toEqual(groups.exposed);
      // Hand-checked: members ada and hal; customers at FROM among them ada (retained) and hal (lost).
      expect(groups.member.retention).toEqual({ customersAtStart: 2, retained: 1 });
      expect(groups.identified.engagement.active).toBe(8); // all identified users but bob and jon
      const withoutHoldout = await store.kpi.programGroupCounts(projectId, { ...range, inactivityMs: N, holdout: null, tierMinPoints: [] });
      expect(withoutHoldout).toMatchObject({ holdout: null, exposed: null, tiers: [] });
    });

    withStore('program groups under the account unit, and NPS per group from identified answers only', async (store, base) => {
      // Account "held" is drawn into the holdout: ada and dan; "open" is exposed: eve. Nobody else is in an account.
      const { projectId, percent } = projectHolding(base, ['held'], ['open']);
      await seed(store, projectId);
      await store.rewards.append({ projectId, id: 'join-ada', userId: 'ada', amount: 10, reason: 'Welcome', ruleId: null, at: FROM });
      const join = (accountId: string, userId: string) =>
        store.accounts.addMember(projectId, accountId, userId, { joinedAt: FROM, activeAt: FROM });
      await join('held', 'ada');
      await join('held', 'dan');
      await join('open', 'eve');
      const answer = npsAnswers(store, projectId);
      await answer('ada', 10, FROM + D);
      await answer('dan', 2, FROM + 2 * D);
      await answer('eve', 9, FROM + 3 * D);
      await answer('cat', 7, FROM + 3 * D);
      await answer('eve', 0, FROM + 4 * D, true); // an anonymous browser sending eve's id: not eve's answer
      await answer('bob', 0, FROM - D); // before the range
      const groups = await store.kpi.programGroupCounts(projectId, {
        ...range,
        inactivityMs: N,
        holdout: { percent, unit: 'account' },
        tierMinPoints: [],
        npsSurveyId: 'nps',
      });
      // The groups are accounts; no event of the fixture is attributed to one.
      expect(groups.holdout?.engagement).toEqual({ active: 0, events: 0, eventsSquared: 0 });
      // Members: ada 10. Non-members: dan 2, eve 9, cat 7. Held out: account "held" (ada 10, dan 2:
      // m 2, net 0). Exposed: account "open" (eve 9: m 1, net 1).
      expect(groups.member.nps).toEqual({ responses: 1, promoters: 1, detractors: 0 });
      expect(groups.nonMember.nps).toEqual({ responses: 3, promoters: 1, detractors: 1 });
      expect(groups.holdout?.nps).toEqual({
        responses: 2,
        promoters: 1,
        detractors: 1,
        clusters: { accounts: 1, responsesSquared: 4, netSquared: 0, netByResponses: 0 },
      });
      expect(groups.exposed?.nps).toEqual({
        responses: 1,
        promoters: 1,
        detractors: 0,
        clusters: { accounts: 1, responsesSquared: 1, netSquared: 1, netByResponses: 1 },
      });
      expect(groups.identified.nps).toEqual({ responses: 4, promoters: 2, detractors: 1 });
    });

    withStore('an empty project counts nobody', async (store, projectId) => {
      expect(await store.kpi.activeUserCounts(projectId, range)).toEqual([]);
      expect(await store.kpi.retentionCounts(projectId, { ...range, inactivityMs: N })).toEqual({ customersAtStart: 0, retained: 0 });
      expect(await store.kpi.cohortCounts(projectId, { ...range, periodMs: PERIOD_MS.week })).toEqual([]);
      expect(await store.kpi.dropOffCounts(projectId, { ...range, firstDaysMs: FIRST_DAYS_MS })).toEqual({
        newUsers: 0,
        eligible: 0,
        returned: 0,
      });
      expect(await store.kpi.engagementCounts(projectId, { ...range, event: 'x' })).toEqual({
        activeUsers: 0,
        events: 0,
        activeDays: 0,
        adopters: 0,
        eventsSquared: 0,
      });
    });
  });
}
