import { kpiRangeSchema, kpiSegmentQueryShape, toErrorIssues, type KpiRange, type ProjectConfig } from '@hearth/schema';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './app-env.js';
import { HttpError } from './http-error.js';
import { segmentOf, type KpiSegment, type SegmentChoice } from '../kpi/segment.js';
import { resolveSegment } from '../services/kpi-segments.js';

/**
 * `segment=trait:plan:pro | lifecycle:trial|new|long-time|at-risk | program:member|non-member|holdout|exposed`
 * and `atRiskDays` (N of the at-risk stage): the one segment filter of the KPI routes, declared in
 * @hearth/schema. `trait=key:value` stays as the short form of `segment=trait:key:value`.
 */
export const segmentShape = kpiSegmentQueryShape;

/** The query's segment choice: `segment=`, or the `trait=` short form; both at once is refused. */
export function segmentChoiceOf(query: { trait?: string | undefined; segment?: SegmentChoice | undefined }): SegmentChoice | undefined {
  if (query.trait !== undefined && query.segment !== undefined)
    throw new HttpError(400, invalid.code, invalid.message, [{ path: 'segment', message: 'give either segment or trait, not both' }]);
  return query.segment ?? (query.trait === undefined ? undefined : { kind: 'trait', trait: query.trait });
}

const invalid = { code: 'invalid_query', message: 'The KPI query is not valid; see issues.' };

/** The segment parameters of a KPI query read with `segmentShape`. */
export interface SegmentQuery {
  range: KpiRange;
  trait?: string | undefined;
  segment?: SegmentChoice | undefined;
  atRiskDays?: number | undefined;
}

/** The answer's `segment`: a `segment=` choice as given, a `trait=` one as its trait condition, else null. */
export const echoedSegment = (query: Pick<SegmentQuery, 'trait' | 'segment'>) => query.segment ?? segmentOf(query.trait) ?? null;

/**
 * The query's segment as the stores filter by it, resolved at the range's end (services/kpi-segments.ts),
 * or undefined for everyone; `segment=` and `trait=` together are refused.
 */
export function querySegment(
  project: ProjectConfig,
  // A segment is judged at the range's end only.
  query: Omit<SegmentQuery, 'range'> & { range: Pick<KpiRange, 'to'> },
): KpiSegment | undefined {
  const choice = segmentChoiceOf(query);
  return choice && resolveSegment(project, choice, query.range.to, query.atRiskDays);
}

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
