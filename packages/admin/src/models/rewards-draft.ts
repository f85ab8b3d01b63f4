import { rewardsConfigSchema, type RewardsConfig } from '@hearth/schema';
import { rowErrors, type AudienceDraft } from './audience-builder.js';
import { numberInput, numberText, optionalText } from './date-input.js';
import { errorsUnder, validate, type FieldErrors } from './field-errors.js';
import {
  badgeDraft,
  badgeInput,
  catalogDraft,
  catalogInput,
  ruleDraft,
  ruleInput,
  tierDraft,
  tierInput,
  type BadgeDraft,
  type CatalogDraft,
  type RuleDraft,
  type TierDraft,
} from './rewards-items.js';
import { whereRowErrors, type WhereRow } from './where-rows.js';

export interface ReferralDraft {
  /** Off: the program has no `referral` (no codes, no links, no bonuses). */
  enabled: boolean;
  qualifyingEvent: string;
  referrerPoints: string;
  referredPoints: string;
  linkTemplate: string;
}

/** The whole rewards program as the console's form holds it. */
export interface RewardsDraft {
  rules: RuleDraft[];
  badges: BadgeDraft[];
  tiers: TierDraft[];
  catalog: CatalogDraft[];
  referral: ReferralDraft;
  /** Empty: points never expire. */
  expiryMonths: string;
  /** Empty: no fulfilment webhook. */
  fulfilmentWebhookUrl: string;
  /** Texts in other locales: not edited here, carried through a save (docs/rewards.md). */
  translations: RewardsConfig['translations'];
}

/** The four lists of the program, each entry with its own id. */
export type RewardsList = 'rules' | 'badges' | 'tiers' | 'catalog';

const NO_REFERRAL: ReferralDraft = { enabled: false, qualifyingEvent: '', referrerPoints: '', referredPoints: '', linkTemplate: '' };

export function newRewardsDraft(): RewardsDraft {
  return {
    rules: [],
    badges: [],
    tiers: [],
    catalog: [],
    referral: NO_REFERRAL,
    expiryMonths: '',
    fulfilmentWebhookUrl: '',
    translations: {},
  };
}

export function draftFromProgram(program: RewardsConfig): RewardsDraft {
  const { referral } = program;
  return {
    rules: program.rules.map(ruleDraft),
    badges: program.badges.map(badgeDraft),
    tiers: program.tiers.map(tierDraft),
    catalog: program.catalog.map(catalogDraft),
    referral: referral
      ? {
          enabled: true,
          qualifyingEvent: referral.qualifyingEvent,
          referrerPoints: String(referral.referrerPoints),
          referredPoints: String(referral.referredPoints),
          linkTemplate: referral.linkTemplate,
        }
      : NO_REFERRAL,
    expiryMonths: numberText(program.expiryMonths),
    fulfilmentWebhookUrl: program.fulfilmentWebhookUrl ?? '',
    translations: program.translations,
  };
}

/** Translations of the entries the draft still has: removing an entry in the form removes its texts too. */
function keptTranslations(draft: RewardsDraft): RewardsConfig['translations'] {
  const lists = ['rules', 'badges', 'tiers', 'catalog'] as const;
  return Object.fromEntries(
    Object.entries(draft.translations).map(([locale, translation]) => {
      const kept = lists.map((list) => {
        const ids = new Set(draft[list].map((entry) => entry.id));
        return [list, Object.fromEntries(Object.entries(translation[list]).filter(([id]) => ids.has(id)))];
      });
      return [locale, Object.fromEntries(kept)];
    }),
  );
}

/** The program the API receives; every entry is complete (defaults written out), so it reads back unchanged. */
export function toProgramInput(draft: RewardsDraft): Record<string, unknown> {
  const { referral } = draft;
  return {
    rules: draft.rules.map(ruleInput),
    badges: draft.badges.map(badgeInput),
    tiers: draft.tiers.map(tierInput),
    catalog: draft.catalog.map(catalogInput),
    referral: referral.enabled
      ? {
          qualifyingEvent: referral.qualifyingEvent,
          referrerPoints: numberInput(referral.referrerPoints),
          referredPoints: numberInput(referral.referredPoints),
          linkTemplate: referral.linkTemplate,
        }
      : undefined,
    expiryMonths: numberInput(draft.expiryMonths),
    fulfilmentWebhookUrl: optionalText(draft.fulfilmentWebhookUrl),
    translations: keptTranslations(draft),
  };
}

/** Builder errors (audience rows, `where` rows) re-rooted at `prefix`, where the form shows them. */
function prefixed(prefix: string, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [`${prefix}.${path}`, message]));
}

/**
 * Field errors from rewardsConfigSchema (exactly what the collector runs) at their paths, e.g.
 * `rules.0.points` or `badges.1.unlock.ruleId`. Where a builder edits a sub-tree, its rows carry
 * the errors instead: `rules.0.audience.rows.0.value`, `rules.0.where.0.property`.
 */
export function checkRewardsDraft(draft: RewardsDraft): { ok: boolean; errors: FieldErrors; program: Record<string, unknown> } {
  // A JSON round trip: what is checked is byte for byte what is sent (undefined keys dropped).
  const program = JSON.parse(JSON.stringify(toProgramInput(draft))) as Record<string, unknown>;
  const result = validate(rewardsConfigSchema, program);
  const schema = result.ok ? {} : result.errors;
  const byRows: FieldErrors[] = [];
  const rowOwned: string[] = [];
  const audience = (prefix: string, rows: AudienceDraft | null) => {
    if (!rows) return;
    byRows.push(prefixed(`${prefix}.audience`, rowErrors(rows)));
    rowOwned.push(`${prefix}.audience.`);
  };
  const where = (prefix: string, schemaPrefix: string, rows: WhereRow[]) => {
    byRows.push(prefixed(`${prefix}.where`, whereRowErrors(rows, errorsUnder(schema, schemaPrefix))));
    rowOwned.push(`${schemaPrefix}.`);
  };
  draft.rules.forEach((rule, index) => {
    audience(`rules.${index}`, rule.audience);
    if (rule.trigger === 'event') where(`rules.${index}`, `rules.${index}.on.where`, rule.where);
  });
  draft.badges.forEach((badge, index) => badge.unlock === 'event' && where(`badges.${index}`, `badges.${index}.unlock.where`, badge.where));
  draft.catalog.forEach((item, index) => audience(`catalog.${index}`, item.audience));
  const unowned = Object.entries(schema).filter(([path]) => !rowOwned.some((prefix) => path.startsWith(prefix)));
  const errors = Object.assign(Object.fromEntries(unowned), ...byRows) as FieldErrors;
  return { ok: Object.keys(errors).length === 0, errors, program };
}

/** The first `<prefix>-<n>` id not taken in `list`, for a new entry. */
export function nextId(prefix: string, list: readonly { id: string }[]): string {
  const taken = new Set(list.map((entry) => entry.id));
  let n = list.length + 1;
  while (taken.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** `list` with the entry at `from` moved to `to` (both within bounds). */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [entry] = next.splice(from, 1);
  if (entry !== undefined) next.splice(to, 0, entry);
  return next;
}
