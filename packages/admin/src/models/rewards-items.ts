import type { AudienceRule, Badge, CatalogItem, EarningRule, EarningTrigger, Tier } from '@hearth/schema';
import { fromAudience, toAudience, type AudienceDraft } from './audience-builder.js';
import { numberInput, numberText, optionalText } from './date-input.js';
import { fromWhere, toWhere, type WhereRow } from './where-rows.js';

/**
 * One form state per kind of entry in the rewards program. Numbers are kept as typed text and
 * unparseable text passes through to the schema, so its message names the field.
 */

export type TriggerType = EarningTrigger['type'];
export type UnlockType = Badge['unlock']['type'];

/** The targeting builder's rows, or the loaded audience kept unchanged when rows cannot show it. */
export interface AudienceChoice {
  audience: AudienceDraft | null;
  keptAudience: AudienceRule | undefined;
}

export interface RuleDraft extends AudienceChoice {
  id: string;
  title: string;
  description: string;
  trigger: TriggerType;
  /** `event` trigger. */
  event: string;
  source: 'server' | 'client';
  where: WhereRow[];
  /** `checklistItem` (required) and `checklistComplete` (empty: any checklist). */
  checklistId: string;
  /** `checklistItem`: empty means any item. */
  itemId: string;
  /** `surveyAnswered`: empty means any survey. */
  surveyId: string;
  points: string;
  oncePerUser: boolean;
  perDay: string;
  perWeek: string;
  perMonth: string;
  hidden: boolean;
}

export interface BadgeDraft {
  id: string;
  name: string;
  description: string;
  unlock: UnlockType;
  ruleId: string;
  /** `rule` and `event`: how many times. */
  count: string;
  /** `lifetimePoints`. */
  min: string;
  event: string;
  where: WhereRow[];
}

export interface TierDraft {
  id: string;
  name: string;
  minPoints: string;
  /** One perk per line; blank lines are dropped. */
  perks: string;
}

export interface CatalogDraft extends AudienceChoice {
  id: string;
  name: string;
  description: string;
  cost: string;
  /** Empty: unlimited. */
  stock: string;
  /** Empty: no limit. */
  perUserLimit: string;
}

const audienceChoice = (audience: AudienceRule | undefined): AudienceChoice => {
  const rows = fromAudience(audience);
  return { audience: rows, keptAudience: rows ? undefined : audience };
};
const audienceInput = ({ audience, keptAudience }: AudienceChoice) => (audience ? toAudience(audience) : keptAudience);

export const newRule = (id: string): RuleDraft => ({
  id,
  title: '',
  description: '',
  trigger: 'event',
  event: '',
  source: 'server',
  where: [],
  checklistId: '',
  itemId: '',
  surveyId: '',
  points: '',
  oncePerUser: false,
  perDay: '',
  perWeek: '',
  perMonth: '',
  hidden: false,
  audience: { match: 'all', rows: [] },
  keptAudience: undefined,
});

export function ruleDraft(rule: EarningRule): RuleDraft {
  const { on, caps } = rule;
  return {
    ...newRule(rule.id),
    title: rule.title,
    description: rule.description ?? '',
    trigger: on.type,
    ...(on.type === 'event' ? { event: on.event, source: on.source, where: fromWhere(on.where) } : {}),
    ...(on.type === 'checklistItem' ? { checklistId: on.checklistId, itemId: on.itemId ?? '' } : {}),
    ...(on.type === 'checklistComplete' ? { checklistId: on.checklistId ?? '' } : {}),
    ...(on.type === 'surveyAnswered' ? { surveyId: on.surveyId ?? '' } : {}),
    points: String(rule.points),
    oncePerUser: caps.oncePerUser,
    perDay: numberText(caps.perDay),
    perWeek: numberText(caps.perWeek),
    perMonth: numberText(caps.perMonth),
    hidden: rule.hidden,
    ...audienceChoice(rule.audience),
  };
}

function triggerInput(rule: RuleDraft) {
  switch (rule.trigger) {
    case 'event':
      return { type: 'event', event: rule.event, where: toWhere(rule.where), source: rule.source };
    case 'checklistItem':
      return { type: 'checklistItem', checklistId: rule.checklistId, itemId: optionalText(rule.itemId) };
    case 'checklistComplete':
      return { type: 'checklistComplete', checklistId: optionalText(rule.checklistId) };
    case 'surveyAnswered':
      return { type: 'surveyAnswered', surveyId: optionalText(rule.surveyId) };
  }
}

export const ruleInput = (rule: RuleDraft) => ({
  id: rule.id,
  title: rule.title,
  description: optionalText(rule.description),
  on: triggerInput(rule),
  points: numberInput(rule.points),
  caps: {
    oncePerUser: rule.oncePerUser,
    perDay: numberInput(rule.perDay),
    perWeek: numberInput(rule.perWeek),
    perMonth: numberInput(rule.perMonth),
  },
  audience: audienceInput(rule),
  hidden: rule.hidden,
});

export const newBadge = (id: string): BadgeDraft => ({
  id,
  name: '',
  description: '',
  unlock: 'lifetimePoints',
  ruleId: '',
  count: '1',
  min: '',
  event: '',
  where: [],
});

export function badgeDraft(badge: Badge): BadgeDraft {
  const { unlock } = badge;
  return {
    ...newBadge(badge.id),
    name: badge.name,
    description: badge.description ?? '',
    unlock: unlock.type,
    ...(unlock.type === 'rule' ? { ruleId: unlock.ruleId, count: String(unlock.count) } : {}),
    ...(unlock.type === 'lifetimePoints' ? { min: String(unlock.min) } : {}),
    ...(unlock.type === 'event' ? { event: unlock.event, where: fromWhere(unlock.where), count: String(unlock.count) } : {}),
  };
}

function unlockInput(badge: BadgeDraft) {
  switch (badge.unlock) {
    case 'rule':
      return { type: 'rule', ruleId: badge.ruleId, count: numberInput(badge.count) };
    case 'lifetimePoints':
      return { type: 'lifetimePoints', min: numberInput(badge.min) };
    case 'event':
      return { type: 'event', event: badge.event, where: toWhere(badge.where), count: numberInput(badge.count) };
  }
}

export const badgeInput = (badge: BadgeDraft) => ({
  id: badge.id,
  name: badge.name,
  description: optionalText(badge.description),
  unlock: unlockInput(badge),
});

export const newTier = (id: string): TierDraft => ({ id, name: '', minPoints: '', perks: '' });

export const tierDraft = (tier: Tier): TierDraft => ({
  id: tier.id,
  name: tier.name,
  minPoints: String(tier.minPoints),
  perks: tier.perks.join('\n'),
});

export const tierInput = (tier: TierDraft) => ({
  id: tier.id,
  name: tier.name,
  minPoints: numberInput(tier.minPoints),
  perks: tier.perks.split('\n').filter((perk) => perk.trim() !== ''),
});

export const newCatalogItem = (id: string): CatalogDraft => ({
  id,
  name: '',
  description: '',
  cost: '',
  stock: '',
  perUserLimit: '',
  audience: { match: 'all', rows: [] },
  keptAudience: undefined,
});

export const catalogDraft = (item: CatalogItem): CatalogDraft => ({
  id: item.id,
  name: item.name,
  description: item.description ?? '',
  cost: String(item.cost),
  stock: numberText(item.stock),
  perUserLimit: numberText(item.perUserLimit),
  ...audienceChoice(item.audience),
});

export const catalogInput = (item: CatalogDraft) => ({
  id: item.id,
  name: item.name,
  description: optionalText(item.description),
  cost: numberInput(item.cost),
  stock: numberInput(item.stock),
  perUserLimit: numberInput(item.perUserLimit),
  audience: audienceInput(item),
});
