import { errorsUnder, type FieldErrors } from '../models/field-errors.js';
import type { RuleDraft, TriggerType } from '../models/rewards-items.js';
import { CheckboxField, SelectField } from './choice-fields.js';
import { TextField } from './field.js';
import { RewardsAudienceField } from './rewards-audience-field.js';
import { fieldId } from './rewards-list-section.js';
import { WhereFields } from './where-fields.js';

const TRIGGERS: readonly (readonly [TriggerType, string])[] = [
  ['event', 'An event'],
  ['checklistItem', 'A checklist item done'],
  ['checklistComplete', 'A checklist completed'],
  ['surveyAnswered', 'A survey answered'],
];
const SOURCES = [
  ['server', 'From your backend only (secret key)'],
  ['client', 'From browsers too (verified users only; needs a cap)'],
] as const;

interface Props {
  /** `rules.<index>` */
  path: string;
  rule: RuleDraft;
  /** This rule's errors, e.g. `points`, `on.event`, `caps`. */
  errors: FieldErrors;
  onChange: (next: RuleDraft) => void;
}

/** What triggers the rule; the ids that name what counts, each optional where the schema says so. */
function TriggerFields({ path, rule, errors, set }: Omit<Props, 'onChange'> & { set: (patch: Partial<RuleDraft>) => void }) {
  const text = (field: 'event' | 'checklistId' | 'itemId' | 'surveyId', label: string, hint?: string) => (
    <TextField
      id={fieldId(`${path}.on.${field}`)}
      label={label}
      value={rule[field]}
      error={errors[`on.${field}`]}
      hint={hint}
      onInput={(value) => set({ [field]: value })}
    />
  );
  switch (rule.trigger) {
    case 'event':
      return (
        <>
          {text('event', 'Event name')}
          <SelectField
            id={fieldId(`${path}.on.source`)}
            label="Counted"
            value={rule.source}
            options={SOURCES}
            error={errors['on.source']}
            onChange={(source) => set({ source: source === 'client' ? 'client' : 'server' })}
          />
          <WhereFields
            path={`${path}.where`}
            rows={rule.where}
            errors={errorsUnder(errors, 'where')}
            onChange={(where) => set({ where })}
          />
        </>
      );
    case 'checklistItem':
      return (
        <>
          {text('checklistId', 'Checklist id')}
          {text('itemId', 'Item id', 'Empty: any item of the checklist.')}
        </>
      );
    case 'checklistComplete':
      return text('checklistId', 'Checklist id', 'Empty: any checklist.');
    case 'surveyAnswered':
      return text('surveyId', 'Survey id', 'Empty: any survey.');
  }
}

/** One earning rule: its trigger, points, caps, visibility and audience. */
export function RewardsRuleFields({ path, rule, errors, onChange }: Props) {
  const set = (patch: Partial<RuleDraft>) => onChange({ ...rule, ...patch });
  const at = (field: string) => ({ id: fieldId(`${path}.${field}`), error: errors[field] });
  const cap = (field: 'perDay' | 'perWeek' | 'perMonth', label: string) => (
    <TextField {...at(`caps.${field}`)} type="number" label={label} value={rule[field]} onInput={(value) => set({ [field]: value })} />
  );
  return (
    <>
      <TextField
        {...at('id')}
        label="Rule id"
        hint="Badges and the ledger refer to it; a new id starts its caps and badge counts afresh."
        value={rule.id}
        onInput={(id) => set({ id })}
      />
      <TextField {...at('title')} label="Title (shown to users)" value={rule.title} onInput={(title) => set({ title })} />
      <TextField
        {...at('description')}
        label="Description"
        multiline
        value={rule.description}
        onInput={(description) => set({ description })}
      />
      <SelectField
        {...at('on.type')}
        label="Earned for"
        value={rule.trigger}
        options={TRIGGERS}
        onChange={(trigger) => set({ trigger: trigger as TriggerType })}
      />
      <TriggerFields path={path} rule={rule} errors={errors} set={set} />
      <TextField {...at('points')} type="number" label="Points" value={rule.points} onInput={(points) => set({ points })} />
      <fieldset class="caps" aria-describedby={errors.caps ? fieldId(`${path}.caps`) : undefined}>
        <legend>Caps per user (rolling windows, collector's clock)</legend>
        {errors.caps && (
          <p id={fieldId(`${path}.caps`)} class="error" role="alert" tabIndex={-1}>
            {errors.caps}
          </p>
        )}
        <CheckboxField
          {...at('caps.oncePerUser')}
          label="Once per user"
          checked={rule.oncePerUser}
          onChange={(oncePerUser) => set({ oncePerUser })}
        />
        {cap('perDay', 'At most per 24 hours')}
        {cap('perWeek', 'At most per 7 days')}
        {cap('perMonth', 'At most per 30 days')}
      </fieldset>
      <CheckboxField
        {...at('hidden')}
        label="Hidden from “ways to earn” (still awards)"
        checked={rule.hidden}
        onChange={(hidden) => set({ hidden })}
      />
      <RewardsAudienceField
        path={path}
        value={rule}
        errors={errors}
        everyoneHint="Everyone can earn this rule. Add a rule to narrow who can."
        onChange={set}
      />
    </>
  );
}
