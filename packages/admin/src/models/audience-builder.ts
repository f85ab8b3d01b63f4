import { audienceRuleSchema, type AccountTraitCondition, type AudienceRule, type BehaviorRule, type TraitCondition } from '@hearth/schema';
import { validate, type FieldErrors } from './field-errors.js';

/**
 * The targeting builder edits a flat list of rows joined by "all" or "any": what a product
 * manager writes almost always. Each row is one leaf rule kept as editable text; `toRule` turns it
 * into the schema's rule, so the same zod schema that guards the API judges every row.
 */
export type RowKind = 'trait' | 'accountTrait' | 'accountActiveMembers' | 'behavior' | 'inactivity' | 'locale' | 'sample';
export type TraitOp = 'equals' | 'notEquals' | 'contains' | 'gt' | 'lt' | 'exists';
export type BehaviorOp = 'atLeast' | 'atMost' | 'never';
export type CountOp = 'gt' | 'gte' | 'lt' | 'lte';

export interface AudienceRow {
  kind: RowKind;
  /** trait, accountTrait: trait name; behavior: event name. */
  name: string;
  op: string;
  /** Trait value, behavior or active-member count, inactivity days, comma-separated locales, or sample percent. */
  value: string;
  /** behavior: look back this many days, empty means ever; accountActiveMembers: active in this many days. */
  withinDays: string;
}

export interface AudienceDraft {
  match: 'all' | 'any';
  rows: AudienceRow[];
}

export const ROW_DEFAULTS: Record<RowKind, AudienceRow> = {
  trait: { kind: 'trait', name: '', op: 'equals', value: '', withinDays: '' },
  accountTrait: { kind: 'accountTrait', name: '', op: 'equals', value: '', withinDays: '' },
  accountActiveMembers: { kind: 'accountActiveMembers', name: '', op: 'lt', value: '3', withinDays: '7' },
  behavior: { kind: 'behavior', name: '', op: 'atLeast', value: '1', withinDays: '30' },
  inactivity: { kind: 'inactivity', name: '', op: 'gte', value: '7', withinDays: '' },
  locale: { kind: 'locale', name: '', op: 'in', value: '', withinDays: '' },
  sample: { kind: 'sample', name: '', op: 'percent', value: '50', withinDays: '' },
};

/** Numbers stay numbers, `true`/`false` booleans; anything else is the text as typed. */
function scalar(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
}

const numberOrText = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** The row as a rule; invalid values pass through unchanged so the schema names the field. */
export function toRule(row: AudienceRow): unknown {
  switch (row.kind) {
    case 'trait':
    case 'accountTrait':
      if (row.op === 'exists') return { type: row.kind, trait: row.name, op: 'exists' };
      return {
        type: row.kind,
        trait: row.name,
        op: row.op,
        value: row.op === 'gt' || row.op === 'lt' ? numberOrText(row.value) : scalar(row.value),
      };
    case 'accountActiveMembers':
      return { type: 'accountActiveMembers', op: row.op, count: numberOrText(row.value), withinDays: numberOrText(row.withinDays) };
    case 'behavior': {
      const within = row.withinDays.trim() === '' ? {} : { withinDays: numberOrText(row.withinDays) };
      if (row.op === 'never') return { type: 'behavior', event: row.name, op: 'never', ...within };
      return { type: 'behavior', event: row.name, op: row.op, count: numberOrText(row.value), ...within };
    }
    case 'inactivity':
      return { type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: numberOrText(row.value) };
    case 'locale':
      return {
        type: 'locale',
        in: row.value
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      };
    case 'sample':
      return { type: 'sample', percent: numberOrText(row.value) };
  }
}

/** Which row field an issue path of a row's rule belongs to, so the error shows at that input. */
const FIELD_OF: Record<string, keyof AudienceRow> = {
  trait: 'name',
  event: 'name',
  value: 'value',
  count: 'value',
  days: 'value',
  in: 'value',
  percent: 'value',
  withinDays: 'withinDays',
  op: 'op',
};

/** Errors as `rows.<index>.<field>` for the builder's inputs. */
export function rowErrors(draft: AudienceDraft): FieldErrors {
  const errors: Record<string, string> = {};
  draft.rows.forEach((row, index) => {
    const result = validate(audienceRuleSchema, toRule(row));
    if (result.ok) return;
    for (const [path, message] of Object.entries(result.errors)) {
      const field = FIELD_OF[path.split('.')[0] ?? ''] ?? 'value';
      errors[`rows.${index}.${field}`] ??= message;
    }
  });
  return errors;
}

/** No rows means everyone (no audience); one row needs no group. */
export function toAudience(draft: AudienceDraft): unknown {
  const rules = draft.rows.map(toRule);
  if (rules.length === 0) return undefined;
  if (rules.length === 1) return rules[0];
  return { type: draft.match, rules };
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

function fromTrait(rule: TraitCondition | AccountTraitCondition): AudienceRow | null {
  const ops: readonly string[] = ['equals', 'notEquals', 'contains', 'gt', 'lt', 'exists'];
  if (!ops.includes(rule.op)) return null;
  return { ...ROW_DEFAULTS[rule.type], name: rule.trait, op: rule.op, value: 'value' in rule ? text(rule.value) : '' };
}

function fromBehavior(rule: BehaviorRule): AudienceRow {
  return {
    kind: 'behavior',
    name: rule.event,
    op: rule.op,
    value: 'count' in rule ? String(rule.count) : '',
    withinDays: text(rule.withinDays),
  };
}

function fromLeaf(rule: AudienceRule): AudienceRow | null {
  switch (rule.type) {
    case 'trait':
    case 'accountTrait':
      return fromTrait(rule);
    case 'accountActiveMembers':
      return { ...ROW_DEFAULTS.accountActiveMembers, op: rule.op, value: String(rule.count), withinDays: String(rule.withinDays) };
    case 'behavior':
      return fromBehavior(rule);
    case 'lifecycle':
      return rule.measure === 'daysSinceLastSeen' && rule.op === 'gte' ? { ...ROW_DEFAULTS.inactivity, value: String(rule.days) } : null;
    case 'locale':
      return { ...ROW_DEFAULTS.locale, value: rule.in.join(', ') };
    case 'sample':
      return rule.salt === undefined ? { ...ROW_DEFAULTS.sample, value: String(rule.percent) } : null;
    default:
      return null;
  }
}

/** Same JSON value, whatever the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  const keys = (o: object) => Object.keys(o).filter((key) => (o as Record<string, unknown>)[key] !== undefined);
  const [ka, kb] = [keys(a), keys(b)];
  return ka.length === kb.length && ka.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * The builder's view of an audience, or null when rows cannot show it exactly: nesting, `not`,
 * operators the rows lack, or a value the rows would retype (the text "3", which a row saves as
 * the number 3). Such an audience is kept as it is, never changed by opening and saving it.
 */
export function fromAudience(rule: AudienceRule | undefined): AudienceDraft | null {
  if (!rule) return { match: 'all', rows: [] };
  const group = rule.type === 'all' || rule.type === 'any' ? rule : null;
  const leaves = group ? group.rules : [rule];
  const rows = leaves.map(fromLeaf);
  if (rows.some((row, i) => row === null || !sameJson(toRule(row), leaves[i]))) return null;
  return { match: group?.type ?? 'all', rows: rows as AudienceRow[] };
}
