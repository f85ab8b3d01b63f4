import { ROW_DEFAULTS, type AudienceDraft, type AudienceRow, type RowKind } from '../models/audience-builder.js';
import type { FieldErrors } from '../models/field-errors.js';
import { SelectField } from './choice-fields.js';
import { Field } from './field.js';
import { KNOWN_ACCOUNT_TRAITS, KNOWN_EVENTS, KNOWN_TRAITS } from './vocabulary-lists.js';

const KINDS: { kind: RowKind; label: string }[] = [
  { kind: 'trait', label: 'Trait' },
  { kind: 'accountTrait', label: "Account trait (the user's active account)" },
  { kind: 'accountActiveMembers', label: 'Account active members' },
  { kind: 'behavior', label: 'Behaviour (did an event)' },
  { kind: 'inactivity', label: 'Inactive for' },
  { kind: 'locale', label: 'Locale' },
  { kind: 'sample', label: 'Random sample' },
];
export const TRAIT_OPS = [
  ['equals', 'equals'],
  ['notEquals', 'does not equal'],
  ['contains', 'contains'],
  ['gt', 'greater than'],
  ['lt', 'less than'],
  ['exists', 'is set'],
] as const;
/** Read as "the account has fewer than 3 active members". */
const COUNT_OPS = [
  ['lt', 'fewer than'],
  ['lte', 'at most'],
  ['gt', 'more than'],
  ['gte', 'at least'],
] as const;
const BEHAVIOR_OPS = [
  ['atLeast', 'at least'],
  ['atMost', 'at most'],
  ['never', 'never'],
] as const;

interface Props {
  value: AudienceDraft;
  errors: FieldErrors;
  onChange: (next: AudienceDraft) => void;
  /** Starts every input's id; a page with several audiences gives each its own. */
  idPrefix?: string;
  /** Said when there are no rows. */
  everyoneHint?: string;
}

function Input({
  id,
  label,
  value,
  error,
  list,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  /** A datalist of suggestions (KNOWN_EVENTS, KNOWN_TRAITS). */
  list?: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field id={id} label={label} error={error}>
      {(aria) => <input {...aria} list={list} value={value} onInput={(e) => onChange(e.currentTarget.value)} />}
    </Field>
  );
}

/** The inputs one row needs, labelled for what they mean in that kind of rule. */
function RowInputs({
  row,
  id,
  idPrefix,
  errors,
  set,
}: {
  row: AudienceRow;
  id: string;
  idPrefix: string;
  errors: FieldErrors;
  set: (patch: Partial<AudienceRow>) => void;
}) {
  const err = (field: keyof AudienceRow) => errors[`${id}.${field}`];
  const at = (field: string) => `${idPrefix}-${id.replace('.', '-')}-${field}`;
  switch (row.kind) {
    case 'trait':
    case 'accountTrait':
      return (
        <>
          <Input
            id={at('name')}
            label={row.kind === 'trait' ? 'Trait' : 'Account trait'}
            list={row.kind === 'trait' ? KNOWN_TRAITS : KNOWN_ACCOUNT_TRAITS}
            value={row.name}
            error={err('name')}
            onChange={(name) => set({ name })}
          />
          <SelectField id={at('op')} label="Condition" value={row.op} options={TRAIT_OPS} onChange={(op) => set({ op })} />
          {row.op !== 'exists' && (
            <Input id={at('value')} label="Value" value={row.value} error={err('value')} onChange={(value) => set({ value })} />
          )}
        </>
      );
    case 'accountActiveMembers':
      return (
        <>
          <SelectField id={at('op')} label="Active members" value={row.op} options={COUNT_OPS} onChange={(op) => set({ op })} />
          <Input id={at('value')} label="Members" value={row.value} error={err('value')} onChange={(value) => set({ value })} />
          <Input
            id={at('within')}
            label="Active in the last … days"
            value={row.withinDays}
            error={err('withinDays')}
            onChange={(withinDays) => set({ withinDays })}
          />
        </>
      );
    case 'behavior':
      return (
        <>
          <Input
            id={at('name')}
            label="Event"
            list={KNOWN_EVENTS}
            value={row.name}
            error={err('name')}
            onChange={(name) => set({ name })}
          />
          <SelectField id={at('op')} label="How often" value={row.op} options={BEHAVIOR_OPS} onChange={(op) => set({ op })} />
          {row.op !== 'never' && (
            <Input id={at('value')} label="Times" value={row.value} error={err('value')} onChange={(value) => set({ value })} />
          )}
          <Input
            id={at('within')}
            label="In the last … days (empty: ever)"
            value={row.withinDays}
            error={err('withinDays')}
            onChange={(withinDays) => set({ withinDays })}
          />
        </>
      );
    case 'inactivity':
      return (
        <Input
          id={at('value')}
          label="Days without activity, at least"
          value={row.value}
          error={err('value')}
          onChange={(value) => set({ value })}
        />
      );
    case 'locale':
      return (
        <Input
          id={at('value')}
          label="Locales (comma-separated, e.g. en, fr-CA)"
          value={row.value}
          error={err('value')}
          onChange={(value) => set({ value })}
        />
      );
    case 'sample':
      return (
        <Input
          id={at('value')}
          label="Percent of users (stable per user)"
          value={row.value}
          error={err('value')}
          onChange={(value) => set({ value })}
        />
      );
  }
}

/** Audience rules as rows joined by "all" or "any"; no rows means everyone. */
export function TargetingBuilder({
  value,
  errors,
  onChange,
  idPrefix = 'audience',
  everyoneHint = 'Everyone sees this prompt. Add a rule to narrow the audience.',
}: Props) {
  const setRow = (index: number, patch: Partial<AudienceRow>) =>
    onChange({ ...value, rows: value.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  return (
    <fieldset class="targeting">
      <legend>Audience</legend>
      {value.rows.length === 0 && <p class="hint">{everyoneHint}</p>}
      {value.rows.length > 1 && (
        <SelectField
          id={`${idPrefix}-match`}
          label="Users must match"
          value={value.match}
          options={[
            ['all', 'all rules'],
            ['any', 'any rule'],
          ]}
          onChange={(match) => onChange({ ...value, match: match === 'any' ? 'any' : 'all' })}
        />
      )}
      <ol class="rules">
        {value.rows.map((row, index) => (
          <li key={index} class="rule">
            <SelectField
              id={`${idPrefix}-rows-${index}-kind`}
              label={`Rule ${index + 1}`}
              value={row.kind}
              options={KINDS.map(({ kind, label }) => [kind, label] as const)}
              onChange={(kind) => setRow(index, ROW_DEFAULTS[kind as RowKind])}
            />
            <RowInputs row={row} id={`rows.${index}`} idPrefix={idPrefix} errors={errors} set={(patch) => setRow(index, patch)} />
            <button type="button" class="secondary" onClick={() => onChange({ ...value, rows: value.rows.filter((_, i) => i !== index) })}>
              Remove rule {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange({ ...value, rows: [...value.rows, ROW_DEFAULTS.trait] })}>
        Add rule
      </button>
    </fieldset>
  );
}
