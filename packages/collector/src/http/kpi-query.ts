import { kpiRangeSchema, toErrorIssues, type KpiRange } from '@hearth/schema';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './app-env.js';
import { HttpError } from './http-error.js';
import { parseSegment, type SegmentChoice } from '../kpi/segment.js';

/** `trait=key:value`, the segment filter of the KPI routes that take one. */
export const traitShape = {
  trait: z
    .string()
    .regex(/^[^:]+:.*$/, 'expected key:value, e.g. role:admin')
    .optional(),
};

/**
 * `segment=trait:plan:pro | lifecycle:trial|new|long-time|at-risk | program:member|non-member|holdout|exposed`
 * (kpi/segment.ts) and `atRiskDays` (N of the at-risk stage): the one segment filter of the KPI
 * routes. `trait=key:value` stays as the short form of `segment=trait:key:value`.
 */
export const segmentShape = {
  ...traitShape,
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

/** The query's segment choice: `segment=`, or the `trait=` short form; both at once is refused. */
export function segmentChoiceOf(query: { trait?: string | undefined; segment?: SegmentChoice | undefined }): SegmentChoice | undefined {
  if (query.trait !== undefined && query.segment !== undefined)
    throw new HttpError(400, invalid.code, invalid.message, [{ path: 'segment', message: 'give either segment or trait, not both' }]);
  return query.segment ?? (query.trait === undefined ? undefined : { kind: 'trait', trait: query.trait });
}

const invalid = { code: 'invalid_query', message: 'The KPI query is not valid; see issues.' };

/**
 * Parses a KPI route's query through the shared range schema (`from`/`to` rules in
 * docs/kpis.md) plus the route's own parameters; `defaultTo` is the exclusive end when `to` is absent.
 */
export function readKpiQuery<S extends z.ZodRawShape>(
  c: Context<AppEnv>,
  shape: S,
  defaultTo: number,
): z.output<z.ZodObject<S>> & { range: KpiRange } {
  const raw = c.req.query();
  const range = kpiRangeSchema(defaultTo).safeParse(raw);
  const rest = z.object(shape).safeParse(raw);
  if (range.success && rest.success) return { ...rest.data, range: range.data };
  const issues = [range, rest].flatMap((parsed) => (parsed.success ? [] : toErrorIssues(parsed.error)));
  throw new HttpError(400, invalid.code, invalid.message, issues);
}
