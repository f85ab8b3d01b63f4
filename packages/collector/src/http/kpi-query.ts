import { kpiRangeSchema, toErrorIssues, type KpiRange } from '@hearth/schema';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './app-env.js';
import { HttpError } from './http-error.js';

/** `trait=key:value`, the segment filter of the KPI routes that take one. */
export const traitShape = {
  trait: z
    .string()
    .regex(/^[^:]+:.*$/, 'expected key:value, e.g. role:admin')
    .optional(),
};

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
