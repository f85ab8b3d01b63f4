import { z } from 'zod';
import { traitConditionSchema } from './targeting.js';

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
  z.object({ kind: z.literal('trait'), trait: z.string().describe('key:value, the value compared typed (5 also matches the number 5)') }),
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
  if (kind === 'trait') return /^[^:]+:.*$/.test(rest) ? { kind, trait: rest } : 'expected trait:key:value, e.g. trait:plan:pro';
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

/**
 * The segment parameters of a KPI route's query: `segment=` (one of the grammar above), its
 * short form `trait=key:value` (never both at once: the route refuses that naming `segment`), and
 * `atRiskDays`, the N of the at-risk stage.
 */
export const kpiSegmentQueryShape = {
  trait: z
    .string()
    .regex(/^[^:]+:.*$/, 'expected key:value, e.g. role:admin')
    .optional(),
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
