import type { TraitCondition } from '@hearth/schema';
import type { TraitSegment } from '../storage/kpi/retention-store.js';
import { z } from 'zod';
import { DAY_MS } from '../domain/time.js';

const DEFAULT_RANGE_DAYS = 30;
const instant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with offset' });

/** `?from=&to=&trait=key:value`, shared by every admin KPI route. */
export const kpiQueryShape = {
  from: instant.optional(),
  to: instant.optional(),
  trait: z
    .string()
    .regex(/^[^:]+:.*$/, 'expected key:value, e.g. role:admin')
    .optional(),
};

/** Refuses `from` after `to`, naming `from`. */
export const rangeInOrder = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to);
export const RANGE_ORDER_ERROR = { message: 'from must not be after to', path: ['from'] };

export const kpiQuerySchema = z.object(kpiQueryShape).refine(rangeInOrder, RANGE_ORDER_ERROR);

/** `[from, to)`: defaults to the last 30 days up to now. */
export function kpiRange(query: { from?: string | undefined; to?: string | undefined }, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY_MS);
  return { from, to };
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
