import type { AudienceRule, ChecklistPrompt, EarningRule, RewardsConfig, RewardsState } from '@hearth/schema';
import type { NewJob } from '../storage/jobs/job-store.js';
import type { RewardsStore } from '../storage/rewards-store.js';
import type { RedeemResult, StoredRedemption } from '../domain/rewards/ledger.js';
import { RewardsError } from '../domain/rewards/rewards-error.js';
import type { Store } from '../storage/store.js';
import type { NewEvent, StoredEvent } from '../domain/events.js';
import { checklistEventQueries, checklistProgress } from '../domain/checklist/progress.js';
import { evaluateAudience } from '../domain/targeting/evaluate.js';
import { answerFactQueries, audienceQueries, createUserFacts, type EventMatchQuery, type UserFacts } from '../domain/targeting/facts.js';
import { buildRewardsState } from '../domain/rewards/build-state.js';
import { holdoutUnit, userInRewardsHoldout } from '../domain/rewards/holdout.js';
import type { Earnable } from '../domain/rewards/earnable.js';
import { localizeProgram } from '../domain/rewards/localize-program.js';
import { awardKey, capWindows, matchesWhere, rulesFor, type EarningSource, type EventOrigin } from '../domain/rewards/rules.js';
import { loadAccountFacts } from './account-facts.js';

export interface RewardsEngineDeps {
  /** `users` gives the traits the host's backend vouches for (the only traits rewards read). */
  events: Pick<Store, 'listEvents' | 'getUser' | 'users' | 'accounts' | 'facts'>;
  rewards: RewardsStore;
  /** The project's rewards program; none means rewards are off for it. */
  configFor(projectId: string): RewardsConfig | undefined;
  clock(): number;
  /** The jobs a new redemption causes (its fulfilment webhook): enqueued in the redemption's transaction. */
  redemptionJobs?(projectId: string, redemption: StoredRedemption): readonly NewJob[];
  /** After a new redemption committed (with its jobs). */
  onRedemption?(projectId: string, redemption: StoredRedemption): void;
}

export interface Award {
  userId: string;
  ruleId: string;
  points: number;
  status: 'created' | 'duplicate' | 'capped';
}

/** The referral bonus is not a configured rule; `$` keeps it apart from every rule id (slugs). */
export const REFERRAL_RULE_ID = '$referral';

/**
 * Applies the rewards program: earning rules on events and built-in happenings, referrals,
 * redemption and the per-user state. Decisions are the pure functions beside it; this file only
 * fetches what they need and writes through the ledger's idempotent, capped `earn`.
 */
export function createRewardsEngine(deps: RewardsEngineDeps) {
  const { rewards, clock } = deps;

  /**
   * The user's stored events and audience facts, read once per call and only when needed. Only what
   * the server can vouch for decides points and items: events a token or the secret key proved
   * (`verified`), and the traits the host's backend set through the server API — never the traits
   * a browser sent with `identify`, nor events anyone holding the public key could have sent.
   */
  const userView = (
    projectId: string,
    userId: string,
    audiences: readonly (AudienceRule | undefined)[],
    matches: readonly EventMatchQuery[] = [],
  ) => {
    let events: Promise<StoredEvent[]> | undefined;
    let facts: Promise<UserFacts> | undefined;
    const listEvents = () => (events ??= deps.events.listEvents(projectId, { userId }));
    const loadFacts = async (): Promise<UserFacts> => {
      const [user, traits, stored, account] = await Promise.all([
        deps.events.getUser(projectId, userId),
        deps.events.users.trustedTraits(projectId, userId),
        listEvents(),
        loadAccountFacts(deps.events, projectId, userId, { audiences }, new Date(clock())),
      ]);
      const counts = audiences.flatMap((audience) => audienceQueries(audience));
      const factEvents = stored.flatMap((e) =>
        e.name && e.verified ? [{ name: e.name, at: new Date(e.timestamp), properties: e.properties }] : [],
      );
      const profile = {
        userId,
        traits,
        locale: null,
        firstSeen: user ? new Date(user.firstSeen) : null,
        lastSeen: user ? new Date(user.lastSeen) : null,
      };
      return createUserFacts(profile, { ...answerFactQueries({ counts, matches: [...matches] }, factEvents, new Date(clock())), account });
    };
    return {
      listEvents,
      facts: () => (facts ??= loadFacts()),
      async inAudience(audience: AudienceRule | undefined, id: string): Promise<boolean> {
        if (!audience) return true;
        return evaluateAudience(audience, await (facts ??= loadFacts()), new Date(clock()), { promptId: id }).matched;
      },
    };
  };

  /** Whether the user is in the program's holdout (their accounts are read only when the holdout samples accounts). */
  async function heldOut(config: RewardsConfig | undefined, projectId: string, userId: string): Promise<boolean> {
    if (!config?.holdout) return false;
    const accounts = holdoutUnit(config) === 'account' ? await deps.events.accounts.accountsOf(projectId, userId) : [];
    return userInRewardsHoldout(
      config,
      projectId,
      userId,
      accounts.map((a) => a.accountId),
    );
  }

  async function award(projectId: string, userId: string, source: EarningSource, happening: string): Promise<Award[]> {
    const config = deps.configFor(projectId);
    // The holdout earns nothing at all (no shadow ledger): its points would be a liability for a
    // program it never saw, and the comparison is of behaviour, not of points.
    if (!config || (await heldOut(config, projectId, userId))) return [];
    const rules = rulesFor(config.rules, source);
    const view = userView(
      projectId,
      userId,
      rules.map((rule) => rule.audience),
    );
    const awards: Award[] = [];
    for (const rule of rules) {
      if (!(await view.inAudience(rule.audience, rule.id))) continue;
      awards.push(await earn(projectId, userId, rule, happening));
    }
    return awards;
  }

  async function earn(projectId: string, userId: string, rule: EarningRule, happening: string): Promise<Award> {
    // The server's clock, never the event's: a backdated event must not slip past a daily cap.
    const at = clock();
    const entry = {
      projectId,
      id: awardKey(rule.id, userId, happening),
      userId,
      amount: rule.points,
      reason: rule.title,
      ruleId: rule.id,
      at,
    };
    const result = await rewards.earn(entry, capWindows(rule.caps, at));
    return { userId, ruleId: rule.id, points: rule.points, status: result.status };
  }

  async function convertReferral(projectId: string, event: NewEvent): Promise<Award[]> {
    const program = deps.configFor(projectId)?.referral;
    if (!program || event.name !== program.qualifyingEvent || !event.userId) return [];
    const referral = await rewards.referralOf(projectId, event.userId);
    if (!referral) return [];
    const at = clock();
    const bonus = async (userId: string, points: number, role: string): Promise<Award[]> => {
      if (await heldOut(deps.configFor(projectId), projectId, userId)) return [];
      const id = `referral:${referral.referredUserId}:${role}`;
      const result = await rewards.append({
        projectId,
        id,
        userId,
        amount: points,
        reason: 'Referral bonus',
        ruleId: REFERRAL_RULE_ID,
        at,
      });
      return [{ userId, ruleId: REFERRAL_RULE_ID, points, status: result.status }];
    };
    // Each bonus has its own fixed key, so a repeat (or a crash between the two) pays each once.
    const awards = [
      ...(await bonus(referral.referrerUserId, program.referrerPoints, 'referrer')),
      ...(await bonus(referral.referredUserId, program.referredPoints, 'referred')),
    ];
    if (!referral.convertedAt) await rewards.markReferralConverted(projectId, referral.referredUserId, at);
    return awards;
  }

  return {
    /**
     * After events are committed. `server` events (secret key) feed every event rule and referrals;
     * browser events feed only `source: 'client'` rules, and only with a verified identity.
     */
    async onEvents(projectId: string, events: readonly NewEvent[], origin: EventOrigin): Promise<Award[]> {
      if (!deps.configFor(projectId)) return [];
      const awards: Award[] = [];
      for (const event of events) {
        if (event.type !== 'track' || !event.name || !event.userId || !event.verified) continue;
        const source: EarningSource = { type: 'event', name: event.name, properties: event.properties, origin };
        awards.push(...(await award(projectId, event.userId, source, `event:${event.messageId}`)));
        if (origin === 'server') awards.push(...(await convertReferral(projectId, event)));
      }
      return awards;
    },
    /**
     * Built-in sources: pays each checklist item, and each completion, that the user's verified
     * events and trusted traits complete (each once, by its key). The progress a browser sees may
     * count more (unverified events drive what is shown); it never pays.
     */
    async onChecklists(projectId: string, userId: string, checklists: readonly ChecklistPrompt[]): Promise<Award[]> {
      if (!deps.configFor(projectId) || checklists.length === 0) return [];
      const facts = await userView(projectId, userId, [], checklists.flatMap(checklistEventQueries)).facts();
      const awards: Award[] = [];
      for (const checklist of checklists) {
        // Points pay each user's own verified events: a checklist shared by the account shows the
        // team's progress, but a teammate's invitation earns nothing for the others.
        const own = { ...checklist, content: { ...checklist.content, scope: 'user' as const } };
        const progress = checklistProgress(own, facts, new Date(clock()));
        for (const item of progress.items) {
          if (item.done)
            awards.push(
              ...(await award(
                projectId,
                userId,
                { type: 'checklistItem', checklistId: checklist.id, itemId: item.id },
                `checklist:${checklist.id}:${item.id}`,
              )),
            );
        }
        if (progress.complete)
          awards.push(
            ...(await award(projectId, userId, { type: 'checklistComplete', checklistId: checklist.id }, `checklist:${checklist.id}`)),
          );
      }
      return awards;
    },
    /** `responseId` tells repeated surveys (NPS every quarter) apart; caps still apply. */
    onSurveyAnswered: (projectId: string, userId: string, surveyId: string, responseId: string) =>
      award(projectId, userId, { type: 'surveyAnswered', surveyId }, `survey:${surveyId}:${responseId}`),

    async redeem(projectId: string, userId: string, itemId: string, requestId: string): Promise<RedeemResult> {
      const config = deps.configFor(projectId);
      const item = (await heldOut(config, projectId, userId)) ? undefined : config?.catalog.find((candidate) => candidate.id === itemId);
      const view = userView(projectId, userId, [item?.audience]);
      if (!item || !(await view.inAudience(item.audience, item.id)))
        throw new RewardsError('unknown_item', `No catalog item "${itemId}" for this user.`);
      const { id, cost, stock, perUserLimit } = item;
      const result = await rewards.redeem(
        { projectId, id: requestId, userId, item: { id, cost, stock, perUserLimit }, at: clock() },
        (created) => (deps.redemptionJobs ? deps.redemptionJobs(projectId, created) : []),
      );
      if (result.status === 'created') deps.onRedemption?.(projectId, result.redemption);
      return result;
    },

    /**
     * The rewards widget's state for a verified user, in their locale; null when the project has no
     * program or the user is in its holdout (decided here, on the server, so the widget never
     * learns of the program). `earnable` leaves out rules fed by prompts that never reach this user.
     */
    async state(projectId: string, userId: string, locale: string | null, earnable: Earnable): Promise<RewardsState | null> {
      const program = deps.configFor(projectId);
      if (!program || (await heldOut(program, projectId, userId))) return null;
      const config = localizeProgram(program, locale);
      const audiences = [...config.rules.map((r) => r.audience), ...config.catalog.map((i) => i.audience)];
      const view = userView(projectId, userId, audiences);
      const needsEvents = config.badges.some((badge) => badge.unlock.type === 'event');
      const [balance, history, ruleCounts, usage, code, events] = await Promise.all([
        rewards.balance(projectId, userId),
        rewards.entries(projectId, userId, 20),
        rewards.ruleCounts(projectId, userId),
        rewards.itemUsage(projectId, userId),
        config.referral ? rewards.referralCode(projectId, userId) : null,
        needsEvents ? view.listEvents() : [],
      ]);
      const eligible = new Set<string>();
      for (const rule of config.rules)
        if (earnable(rule.on) && (await view.inAudience(rule.audience, rule.id))) eligible.add(`rule:${rule.id}`);
      for (const item of config.catalog) if (await view.inAudience(item.audience, item.id)) eligible.add(`item:${item.id}`);
      return buildRewardsState(config, {
        ...balance,
        history,
        ruleCounts,
        usage,
        referralCode: code,
        eligible: (kind, id) => eligible.has(`${kind}:${id}`),
        // Badges on events count verified events only: an anonymous browser cannot unlock them.
        eventCount: (name, where) => events.filter((e) => e.verified && e.name === name && matchesWhere(e.properties, where)).length,
      });
    },
  };
}

export type RewardsEngine = ReturnType<typeof createRewardsEngine>;
