import type { RewardsConfig, RewardsState } from '@hearth/schema';
import type { Balance, ItemUsage, StoredEntry } from './ledger.js';
import { badgeStates, tierFor, type BadgeFacts } from './tiers.js';

/** How many ledger entries the widget's history shows. */
export const HISTORY_LENGTH = 20;

export interface RewardsStateInput extends Balance, BadgeFacts {
  history: readonly StoredEntry[];
  usage: ItemUsage;
  referralCode: string | null;
  /** Whether the user is in the audience of this rule or catalog item (decided by the caller). */
  eligible(kind: 'rule' | 'item', id: string): boolean;
}

/** `{code}` in the program's link template, URL-encoded. */
export const referralLink = (template: string, code: string): string => template.replaceAll('{code}', encodeURIComponent(code));

function blockedBy(item: RewardsConfig['catalog'][number], input: RewardsStateInput): 'points' | 'stock' | 'limit' | undefined {
  if (item.stock !== undefined && (input.usage.total.get(item.id) ?? 0) >= item.stock) return 'stock';
  if (item.perUserLimit !== undefined && (input.usage.mine.get(item.id) ?? 0) >= item.perUserLimit) return 'limit';
  return input.balance < item.cost ? 'points' : undefined;
}

/**
 * What the rewards widget shows one verified user. Only their own numbers and the rules and items
 * whose audience they are in: no audience rules, caps or other users' data reach the browser.
 */
export function buildRewardsState(config: RewardsConfig, input: RewardsStateInput): RewardsState {
  const optional = (description: string | undefined) => (description ? { description } : {});
  return {
    balance: input.balance,
    lifetime: input.lifetime,
    ...tierFor(config.tiers, input.lifetime),
    badges: badgeStates(config.badges, input),
    waysToEarn: config.rules
      .filter((rule) => !rule.hidden && input.eligible('rule', rule.id))
      .map((rule) => ({
        id: rule.id,
        title: rule.title,
        ...optional(rule.description),
        points: rule.points,
        done: rule.caps.oncePerUser && (input.ruleCounts.get(rule.id) ?? 0) > 0,
      })),
    history: input.history.slice(0, HISTORY_LENGTH).map(({ id, amount, reason, at }) => ({ id, amount, reason, at })),
    catalog: config.catalog
      .filter((item) => input.eligible('item', item.id))
      .map((item) => {
        const blocked = blockedBy(item, input);
        return { id: item.id, name: item.name, ...optional(item.description), cost: item.cost, ...(blocked ? { blocked } : {}) };
      }),
    referral:
      config.referral && input.referralCode
        ? { code: input.referralCode, link: referralLink(config.referral.linkTemplate, input.referralCode) }
        : null,
  };
}
