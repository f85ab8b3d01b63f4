import { emptyTrigger, type EnvelopeDraft, type TriggerDraft, type TriggerType } from '../models/envelope-draft.js';
import type { FieldErrors } from '../models/field-errors.js';
import { CheckboxField, SelectField } from './choice-fields.js';
import { TextField } from './field.js';
import { KNOWN_EVENTS } from './vocabulary-lists.js';

const TRIGGER_TYPES = [
  ['load', 'On page load'],
  ['event', 'When the user tracks an event'],
  ['url', 'On pages matching a URL'],
  ['delay', 'After a delay'],
] as const;

interface Props {
  value: EnvelopeDraft;
  /** Errors of the whole prompt: these components read `triggers.*`, `schedule.*`, `frequency.*`, `priority`. */
  errors: FieldErrors;
  onChange: (next: EnvelopeDraft) => void;
}

const setter =
  ({ value, onChange }: Props) =>
  (patch: Partial<EnvelopeDraft>) =>
    onChange({ ...value, ...patch });

function TriggerRow({
  index,
  trigger,
  errors,
  set,
}: {
  index: number;
  trigger: TriggerDraft;
  errors: FieldErrors;
  set: (patch: Partial<TriggerDraft>) => void;
}) {
  const at = (field: string) => `trigger-${index}-${field}`;
  const err = (field: string) => errors[`triggers.${index}.${field}`];
  return (
    <>
      <SelectField
        id={at('type')}
        label={`Trigger ${index + 1}`}
        value={trigger.type}
        options={TRIGGER_TYPES}
        onChange={(type) => set(emptyTrigger(type as TriggerType))}
      />
      {trigger.type === 'event' && (
        <>
          <TextField
            id={at('name')}
            label="Event name"
            list={KNOWN_EVENTS}
            value={trigger.name}
            error={err('name')}
            onInput={(name) => set({ name })}
          />
          <TextField
            id={at('min-count')}
            label="After this many times (empty: 1)"
            value={trigger.minCount}
            error={err('minCount')}
            onInput={(minCount) => set({ minCount })}
          />
        </>
      )}
      {trigger.type === 'url' && (
        <>
          <SelectField
            id={at('match')}
            label="Match"
            value={trigger.match}
            options={[
              ['glob', 'glob (/projects/*)'],
              ['regex', 'regular expression'],
            ]}
            onChange={(match) => set({ match: match === 'regex' ? 'regex' : 'glob' })}
          />
          <TextField
            id={at('pattern')}
            label="URL path pattern"
            value={trigger.pattern}
            error={err('pattern')}
            onInput={(pattern) => set({ pattern })}
          />
        </>
      )}
      {trigger.type === 'delay' && (
        <TextField id={at('ms')} label="Milliseconds after load" value={trigger.ms} error={err('ms')} onInput={(ms) => set({ ms })} />
      )}
    </>
  );
}

/** When it shows: any of the triggers firing (the editor's "Trigger" section). */
export function TriggerFields(props: Props) {
  const { value, errors } = props;
  const set = setter(props);
  const setTrigger = (index: number, patch: Partial<TriggerDraft>) =>
    set({ triggers: value.triggers.map((t, i) => (i === index ? { ...t, ...patch } : t)) });
  return (
    <fieldset>
      <legend>Triggers (it shows when any fires)</legend>
      {errors.triggers && (
        <p class="error" role="alert">
          {errors.triggers}
        </p>
      )}
      <ol class="rules">
        {value.triggers.map((trigger, index) => (
          <li key={index} class="rule">
            <TriggerRow index={index} trigger={trigger} errors={errors} set={(patch) => setTrigger(index, patch)} />
            <button type="button" class="secondary" onClick={() => set({ triggers: value.triggers.filter((_, i) => i !== index) })}>
              Remove trigger {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="secondary" onClick={() => set({ triggers: [...value.triggers, emptyTrigger('event')] })}>
        Add trigger
      </button>
    </fieldset>
  );
}

/** The window it may show in (the "Schedule" section). */
export function ScheduleFields(props: Props) {
  const { value, errors } = props;
  const set = setter(props);
  return (
    <>
      <TextField
        id="schedule-start"
        type="datetime-local"
        label="Show from (empty: as soon as published)"
        value={value.startAt}
        error={errors['schedule.startAt']}
        onInput={(startAt) => set({ startAt })}
      />
      <TextField
        id="schedule-end"
        type="datetime-local"
        label="Show until (empty: no end)"
        value={value.endAt}
        error={errors['schedule.endAt']}
        onInput={(endAt) => set({ endAt })}
      />
    </>
  );
}

/** How often one user sees it (the "Frequency" section of checklists; surveys use their cadence instead). */
export function FrequencyFields(props: Props) {
  const { value, errors } = props;
  const set = setter(props);
  return (
    <>
      <TextField
        id="frequency-max"
        label="Show at most this many times per user (empty: no limit)"
        value={value.maxDisplays}
        error={errors['frequency.maxDisplays']}
        onInput={(maxDisplays) => set({ maxDisplays })}
      />
      <TextField
        id="frequency-gap"
        label="Days between displays (empty: none)"
        value={value.minDaysBetween}
        error={errors['frequency.minDaysBetween']}
        onInput={(minDaysBetween) => set({ minDaysBetween })}
      />
      <CheckboxField
        id="frequency-dismiss"
        label="Stop after the user dismisses it"
        checked={value.stopAfterDismiss}
        onChange={(stopAfterDismiss) => set({ stopAfterDismiss })}
      />
      <CheckboxField
        id="frequency-complete"
        label="Stop after the user completes it"
        checked={value.stopAfterComplete}
        onChange={(stopAfterComplete) => set({ stopAfterComplete })}
      />
      <PriorityField {...props} />
    </>
  );
}

/** Which prompt wins when the fatigue budget cannot fit every eligible one. */
export function PriorityField(props: Props) {
  const set = setter(props);
  return (
    <TextField
      id="priority"
      label="Priority (higher wins under the fatigue budget)"
      value={props.value.priority}
      error={props.errors.priority}
      onInput={(priority) => set({ priority })}
    />
  );
}
