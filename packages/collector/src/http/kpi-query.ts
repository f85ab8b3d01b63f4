import type { TraitCondition } from '@hearth/schema';
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

/** `trait=role:admin` → users whose trait `role` equals the string "admin" (first `:` splits). */
export function segmentOf(trait: string | undefined): TraitCondition | undefined {
  if (trait === undefined) return undefined;
  const at = trait.indexOf(':');
  return { type: 'trait', trait: trait.slice(0, at), op: 'equals', value: trait.slice(at + 1) };
}
