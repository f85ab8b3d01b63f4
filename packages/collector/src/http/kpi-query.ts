import { kpiRangeSchema, toErrorIssues, type KpiRange, type TraitCondition } from '@hearth/schema';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from './app-env.js';
import { HttpError } from './http-error.js';
import type { TraitSegment } from '../storage/kpi/retention-store.js';

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
export function readKpiQuery<S extends z.ZodRawShape>(c: Context<AppEnv>, shape: S, defaultTo: number): z.output<z.ZodObject<S>> & { range: KpiRange } {
  const raw = c.req.query();
  const range = kpiRangeSchema(defaultTo).safeParse(raw);
  const rest = z.object(shape).safeParse(raw);
  if (range.success && rest.success) return { ...rest.data, range: range.data };
  const issues = [range, rest].flatMap((parsed) => (parsed.success ? [] : toErrorIssues(parsed.error)));
  throw new HttpError(400, invalid.code, invalid.message, issues);
}

/**
 * `trait=role:admin` → users whose trait `role` is "admin" (first `:` splits). The URL only carries
 * text, so the value is compared typed: `seats:5` also matches the number 5 (`5.0` too), and
 * `beta:true` the boolean true; `in` lists the typed candidates when there is more than one.
 */
export function segmentOf(trait: string | undefined): TraitCondition | undefined {
  if (trait === undefined) return undefined;
  const at = trait.indexOf(':');
  const key = trait.slice(0, at);
  const values = segmentValues(trait.slice(at + 1));
  if (values.length === 1) return { type: 'trait', trait: key, op: 'equals', value: values[0] ?? '' };
  return { type: 'trait', trait: key, op: 'in', values };
}

/** JSON's number grammar: what a stored number's text looks like (no `0x`, `Infinity`, spaces). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The scalar values a segment's text stands for: itself, and the number or boolean it spells. */
function segmentValues(text: string): (string | number | boolean)[] {
  const values: (string | number | boolean)[] = [text];
  if (JSON_NUMBER.test(text) && Number.isFinite(Number(text))) values.push(Number(text));
  if (text === 'true' || text === 'false') values.push(text === 'true');
  return values;
}

/** The retention stores' form of a `segmentOf` condition: the trait and its typed candidates. */
export function traitSegmentOf(segment: TraitCondition | undefined): TraitSegment | undefined {
  if (segment?.op === 'equals' && segment.value !== null) return { trait: segment.trait, values: [segment.value] };
  if (segment?.op === 'in') return { trait: segment.trait, values: segment.values.flatMap((value) => (value === null ? [] : [value])) };
  return undefined;
}
