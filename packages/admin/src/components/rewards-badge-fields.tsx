import { errorsUnder, type FieldErrors } from '../models/field-errors.js';
import type { BadgeDraft, UnlockType } from '../models/rewards-items.js';
import { SelectField } from './choice-fields.js';
import { TextField } from './field.js';
import { fieldId } from './rewards-list-section.js';
import { WhereFields } from './where-fields.js';

const UNLOCKS: readonly (readonly [UnlockType, string])[] = [
  ['lifetimePoints', 'Lifetime points reached'],
  ['rule', 'Awards of an earning rule'],
  ['event', 'Verified events (only as trustworthy as those events)'],
];

interface Props {
  /** `badges.<index>` */
  path: string;
  badge: BadgeDraft;
  /** The program's rule ids, for a badge counting a rule's awards. */
  ruleIds: readonly string[];
  errors: FieldErrors;
  onChange: (next: BadgeDraft) => void;
}

/** One badge and when it unlocks. */
export function RewardsBadgeFields({ path, badge, ruleIds, errors, onChange }: Props) {
  const set = (patch: Partial<BadgeDraft>) => onChange({ ...badge, ...patch });
  const at = (field: string) => ({ id: fieldId(`${path}.${field}`), error: errors[field] });
  // A rule id no longer in the program stays selectable, so the schema's "no rule" shows at the field.
  const ruleOptions = [...new Set([...(badge.ruleId === '' ? [''] : []), ...ruleIds, badge.ruleId])].map(
    (id) => [id, id === '' ? 'Choose a rule' : id] as const,
  );
  const count = (
    <TextField
      {...at('unlock.count')}
      type="number"
      label="How many times"
      value={badge.count}
      onInput={(value) => set({ count: value })}
    />
  );
  return (
    <>
      <TextField {...at('id')} label="Badge id" value={badge.id} onInput={(id) => set({ id })} />
      <TextField {...at('name')} label="Name" value={badge.name} onInput={(name) => set({ name })} />
      <TextField
        {...at('description')}
        label="Description"
        multiline
        value={badge.description}
        onInput={(description) => set({ description })}
      />
      <SelectField
        {...at('unlock.type')}
        label="Unlocks on"
        value={badge.unlock}
        options={UNLOCKS}
        onChange={(unlock) => set({ unlock: unlock as UnlockType })}
      />
      {badge.unlock === 'lifetimePoints' && (
        <TextField {...at('unlock.min')} type="number" label="Lifetime points at least" value={badge.min} onInput={(min) => set({ min })} />
      )}
      {badge.unlock === 'rule' && (
        <>
          <SelectField
            {...at('unlock.ruleId')}
            label="Earning rule"
            value={badge.ruleId}
            options={ruleOptions}
            onChange={(ruleId) => set({ ruleId })}
          />
          {count}
        </>
      )}
      {badge.unlock === 'event' && (
        <>
          <TextField {...at('unlock.event')} label="Event name" value={badge.event} onInput={(event) => set({ event })} />
          <WhereFields
            path={`${path}.where`}
            rows={badge.where}
            errors={errorsUnder(errors, 'where')}
            onChange={(where) => set({ where })}
          />
          {count}
        </>
      )}
    </>
  );
}
