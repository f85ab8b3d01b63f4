import type { ItemDraft } from '../models/checklist-draft.js';
import { errorsUnder, type FieldErrors } from '../models/field-errors.js';
import { whereRowErrors } from '../models/where-rows.js';
import { CheckboxField, SelectField } from './choice-fields.js';
import { TextField } from './field.js';
import { WhereFields } from './where-fields.js';
import { TRAIT_OPS } from './targeting-builder.js';
import { KNOWN_EVENTS, KNOWN_TRAITS } from './vocabulary-lists.js';

interface Props {
  index: number;
  item: ItemDraft;
  errors: FieldErrors;
  onChange: (next: ItemDraft) => void;
  onRemove: () => void;
}

const DONE_BY = [
  ['event', 'The user tracks an event'],
  ['trait', 'A trait of the user matches'],
] as const;

/** How the item completes: an event (with an optional property condition) or a trait condition. */
function CompletionFields({
  index,
  item,
  errors,
  set,
}: {
  index: number;
  item: ItemDraft;
  errors: FieldErrors;
  set: (patch: Partial<ItemDraft>) => void;
}) {
  const at = (field: string) => `item-${index}-${field}`;
  const err = (field: string) => errors[`completeWhen.${field}`];
  return (
    <div class="item-completion">
      <SelectField
        id={at('done-by')}
        label="Done when"
        value={item.doneBy}
        options={DONE_BY}
        onChange={(doneBy) => set({ doneBy: doneBy === 'trait' ? 'trait' : 'event', completeWhen: null })}
      />
      {item.doneBy === 'event' ? (
        <>
          <TextField
            id={at('event')}
            label="Done when the user tracks event"
            list={KNOWN_EVENTS}
            value={item.event}
            error={err('event') ?? errors.completeWhen}
            onInput={(event) => set({ event })}
          />
          <WhereFields
            path={`item-${index}-where`}
            rows={item.where}
            errors={whereRowErrors(item.where, errorsUnder(errors, 'completeWhen.where'))}
            onChange={(where) => set({ where })}
          />
        </>
      ) : item.completeWhen ? (
        <p class="hint">
          Done when the trait “{'trait' in item.completeWhen ? item.completeWhen.trait : ''}” matches a condition kept as configured.{' '}
          <button type="button" class="secondary small" onClick={() => set({ completeWhen: null })}>
            Replace the condition
          </button>
        </p>
      ) : (
        <div class="rule">
          <TextField
            id={at('trait')}
            label="Trait"
            list={KNOWN_TRAITS}
            value={item.trait.name}
            error={err('trait')}
            onInput={(name) => set({ trait: { ...item.trait, name } })}
          />
          <SelectField
            id={at('trait-op')}
            label="Condition"
            value={item.trait.op}
            options={TRAIT_OPS}
            onChange={(op) => set({ trait: { ...item.trait, op } })}
          />
          {item.trait.op !== 'exists' && (
            <TextField
              id={at('trait-value')}
              label="Value"
              value={item.trait.value}
              error={err('value')}
              onInput={(value) => set({ trait: { ...item.trait, value } })}
            />
          )}
        </div>
      )}
    </div>
  );
}

/** One checklist item; `errors` are this item's, e.g. `title` or `completeWhen.event`. */
export function ItemFields({ index, item, errors, onChange, onRemove }: Props) {
  const set = (patch: Partial<ItemDraft>) => onChange({ ...item, ...patch });
  const at = (field: string) => `item-${index}-${field}`;
  return (
    <fieldset class="item">
      <legend>Item {index + 1}</legend>
      <TextField id={at('id')} label="Item id" value={item.id} error={errors.id} onInput={(id) => set({ id })} />
      <TextField id={at('title')} label="Item title" value={item.title} error={errors.title} onInput={(title) => set({ title })} />
      <TextField
        id={at('description')}
        label="Item description"
        value={item.description}
        error={errors.description}
        onInput={(description) => set({ description })}
      />
      <TextField
        id={at('url')}
        label="Button link (optional)"
        value={item.url}
        error={errors['action.url']}
        onInput={(url) => set({ url })}
      />
      <CompletionFields index={index} item={item} errors={errors} set={set} />
      <CheckboxField id={at('optional')} label="Optional item" checked={item.optional} onChange={(optional) => set({ optional })} />
      <button type="button" class="secondary small" onClick={onRemove}>
        Remove item {index + 1}
      </button>
    </fieldset>
  );
}
