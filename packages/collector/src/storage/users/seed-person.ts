import { T0, newEvent } from '../../test-support/events.js';
import type { Store } from '../store.js';

/** Strings that exist only in one seeded person's data: none may survive the erasure anywhere. */
export interface SeededPerson {
  userId: string;
  anonymousId: string;
  /** A trait value and a survey comment unique to the person. */
  secrets: string[];
  referralCode: string;
}

/**
 * Gives `userId` data in every table that can hold a person: events before and after `identify`
 * (so an anonymous id is linked), traits, survey responses under the user id and under the
 * anonymous id, ledger entries, a redemption, a referral code and referrals both ways.
 */
export async function seedPerson(store: Store, projectId: string, userId: string, other: string): Promise<SeededPerson> {
  const anonymousId = `anon-${userId}`;
  const email = `${userId}@secret.test`;
  const comment = `${userId} says the export is slow`;
  await store.writeEvents([
    newEvent({ projectId, anonymousId, name: 'page_before_login', timestamp: T0 }),
    newEvent({
      projectId,
      anonymousId,
      userId,
      type: 'identify',
      name: null,
      traits: { email, plan: 'pro', admin: true },
      timestamp: T0 + 1_000,
    }),
    newEvent({
      projectId,
      anonymousId,
      userId,
      name: 'project_created',
      properties: { title: `${userId}'s board` },
      timestamp: T0 + 2_000,
    }),
  ]);
  const answered = new Date(T0 + 3_000);
  const response = {
    surveyId: 'nps',
    cycle: 1,
    answer: { type: 'nps' as const, score: 9 },
    traits: { email },
    locale: 'en',
    answeredAt: answered,
    updatedAt: answered,
  };
  await store.responses.insert(projectId, { ...response, userId, anonymous: false, comment });
  await store.responses.insert(projectId, {
    ...response,
    surveyId: 'csat',
    answer: { type: 'csat', score: 2 },
    userId: anonymousId,
    anonymous: true,
    comment: null,
  });
  const at = T0 + 4_000;
  await store.rewards.append({
    projectId,
    id: `rule:welcome:${userId}:1`,
    userId,
    amount: 100,
    reason: `Welcome ${email}`,
    ruleId: 'welcome',
    at,
  });
  await store.rewards.redeem({ projectId, id: `client-key-${userId}`, userId, item: { id: 'mug', cost: 30, stock: 10 }, at: at + 1 });
  await store.rewards.settle(projectId, `client-key-${userId}`, 'failed', at + 2, `courier lost ${email}`);
  const referralCode = await store.rewards.referralCode(projectId, userId);
  await store.rewards.attachReferral(projectId, referralCode, other, at + 3);
  await store.rewards.attachReferral(projectId, await store.rewards.referralCode(projectId, `${other}-mentor`), userId, at + 4);
  await store.accounts.addMember(projectId, `acct_of_${other}`, userId, { joinedAt: T0, activeAt: T0 });
  await store.accounts.addMember(projectId, `acct_of_${other}`, other, { joinedAt: T0, activeAt: T0 });
  await store.prompts.assign(projectId, userId, new Map([['onboarding', 'control']]), T0);
  return { userId, anonymousId, secrets: [email, comment], referralCode };
}
