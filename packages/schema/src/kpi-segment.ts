import { z } from 'zod';
import { traitConditionSchema, type TraitCondition } from './targeting.js';

/**
 * The segments every dashboard KPI can be split by (docs/reference/kpi-definitions.md, "Segments"):
 * the `segment=` query parameter of the KPI routes and the `segment` their answers echo.
 */

/** Lifecycle stages, each judged at the range's end: `trial`, `new`, `long-time`, `at-risk`. */
export const LIFECYCLE_STAGES = ['trial', 'new', 'long-time', 'at-risk'] as const;
/** Rewards program groups: `member`, `non-member`, the randomized `holdout` and the `exposed` rest. */
export const PROGRAM_GROUPS = ['member', 'non-member', 'holdout', 'exposed'] as const;

/** A segment as the URL names it, parsed. */
export const kpiSegmentChoiceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('trait'),
    trait: z
      .string()
      .describe(
        'key:value (compared typed: 5 also matches the number 5), or key:op:value with op gt|gte|lt|lte (numbers) or before|after (dates)',
      ),
  }),
  z.object({ kind: z.literal('lifecycle'), stage: z.enum(LIFECYCLE_STAGES) }),
  z.object({ kind: z.literal('program'), group: z.enum(PROGRAM_GROUPS) }),
]);
export type SegmentChoice = z.infer<typeof kpiSegmentChoiceSchema>;

/**
 * `segment=trait:plan:pro`, `segment=lifecycle:trial`, `segment=program:member`: the URL's
 * segment, or a message naming what is wrong (the route reports it under `segment`).
 */
export function parseSegment(text: string): SegmentChoice | string {
  const at = text.indexOf(':');
  const kind = at < 0 ? text : text.slice(0, at);
  const rest = at < 0 ? '' : text.slice(at + 1);
  if (kind === 'trait') {
    const condition = traitConditionOf(rest);
    return typeof condition === 'string' ? `expected trait:${condition}` : { kind, trait: rest };
  }
  if (kind === 'lifecycle') {
    const stage = LIFECYCLE_STAGES.find((s) => s === rest);
    return stage ? { kind, stage } : `expected lifecycle:${LIFECYCLE_STAGES.join('|')}`;
  }
  if (kind === 'program') {
    const group = PROGRAM_GROUPS.find((g) => g === rest);
    return group ? { kind, group } : `expected program:${PROGRAM_GROUPS.join('|')}`;
  }
  return 'expected trait:key:value, lifecycle:<stage> or program:<group>';
}

/** The comparisons a trait segment takes, named as the targeting rules name them (targeting.ts). */
export const TRAIT_COMPARISONS = ['gt', 'gte', 'lt', 'lte', 'before', 'after'] as const;
type TraitComparison = (typeof TRAIT_COMPARISONS)[number];
const COMPARED = /^([^:]+):(gt|gte|lt|lte|before|after):(.*)$/;
/** JSON's number grammar: what a stored number's text looks like (no `0x`, `Infinity`, spaces). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const instantSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/**
 * A trait segment's text as the trait condition it stands for, or what is wrong with it (the text
 * after `trait:`, or of `trait=`). `key:value` is an equality compared typed: the trait is that
 * string, or the number the text spells in JSON number syntax, or the boolean for `true`/`false`.
 * `key:gt|gte|lt|lte:number` compares numbers with numbers; `key:before|after:date` compares
 * instants (an ISO 8601 date, read as UTC midnight, or a date-time with offset). A value that
 * itself starts with an operator and a colon (`note:gt:x`) is therefore a comparison, never text.
 */
export function traitConditionOf(text: string): TraitCondition | string {
  const compared = COMPARED.exec(text);
  if (compared) {
    const [, trait = '', op = 'gt', value = ''] = compared;
    return comparison(trait, op as TraitComparison, value);
  }
  const at = text.indexOf(':');
  if (at < 1) return 'key:value, e.g. plan:pro, or key:op:value, e.g. seats:gte:10';
  const trait = text.slice(0, at);
  const value = text.slice(at + 1);
  const values: (string | number | boolean)[] = [value];
  if (JSON_NUMBER.test(value) && Number.isFinite(Number(value))) values.push(Number(value));
  if (value === 'true' || value === 'false') values.push(value === 'true');
  if (values.length === 1) return { type: 'trait', trait, op: 'equals', value };
  return { type: 'trait', trait, op: 'in', values };
}

function comparison(trait: string, op: TraitComparison, value: string): TraitCondition | string {
  if (op === 'before' || op === 'after') {
    if (instantSchema.safeParse(value).success) return { type: 'trait', trait, op, value };
    return `${trait}:${op}:<date>, the date in ISO 8601 ("2026-01-31") or a date-time with offset, not "${value}"`;
  }
  if (JSON_NUMBER.test(value) && Number.isFinite(Number(value))) return { type: 'trait', trait, op, value: Number(value) };
  return `${trait}:${op}:<number>, the number in JSON syntax (10, 2.5, -3), not "${value}"`;
}

/** A zod refinement reporting `traitConditionOf`'s reason, prefixed as the parameter spells it. */
const traitText = (prefix: string) => (text: string, ctx: z.RefinementCtx) => {
  const condition = traitConditionOf(text);
  if (typeof condition === 'string') ctx.addIssue({ code: 'custom', message: `expected ${prefix}${condition}` });
};

/**
 * The segment parameters of a KPI route's query: `segment=` (one of the grammar above), its
 * short form `trait=key:value` (never both at once: the route refuses that naming `segment`), and
 * `atRiskDays`, the N of the at-risk stage.
 */
export const kpiSegmentQueryShape = {
  trait: z.string().max(300).superRefine(traitText('')).optional(),
  segment: z
    .string()
    .max(300)
    .transform((text, ctx) => {
      const choice = parseSegment(text);
      if (typeof choice !== 'string') return choice;
      ctx.addIssue({ code: 'custom', message: choice });
      return z.NEVER;
    })
    .optional(),
  atRiskDays: z.coerce.number().int().min(1).max(180).optional(),
};

/** The segment a KPI answer covers: a `segment=` choice as given, a `trait=` one as its trait condition, null for everyone. */
export const kpiSegmentEchoSchema = z.union([kpiSegmentChoiceSchema, traitConditionSchema]).nullable();
