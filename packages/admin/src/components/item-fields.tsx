import type { ItemDraft } from '../models/checklist-draft.js';
import type { FieldErrors } from '../models/field-errors.js';
import { CheckboxField } from './choice-fields.js';
import { TextField } from './field.js';

interface Props {
  index: number;
  item: ItemDraft;
  errors: FieldErrors;
  onChange: (next: ItemDraft) => void;
  onRemove: () => void;
}

/** One checklist item; `errors` are this item's, e.g. `title` or `completeWhen.event`. */
export function ItemFields({ index, item, errors, onChange, onRemove }: Props) {
  const set = (patch: Partial<ItemDraft>) => onChange({ ...item, ...patch });
  const at = (field: string) => `item-${index}-${field}`;
  const byTrait = item.completeWhen?.type === 'trait' ? item.completeWhen.trait : null;
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
      {byTrait === null ? (
        <TextField
          id={at('event')}
          label="Done when the user tracks event"
          value={item.event}
          error={errors['completeWhen.event'] ?? errors.completeWhen}
          onInput={(event) => set({ event })}
        />
      ) : (
        <p class="hint">Done when the user's trait “{byTrait}” matches (kept as configured).</p>
      )}
      <TextField
        id={at('url')}
        label="Button link (optional)"
        value={item.url}
        error={errors['action.url']}
        onInput={(url) => set({ url })}
      />
      <CheckboxField id={at('optional')} label="Optional item" checked={item.optional} onChange={(optional) => set({ optional })} />
      <button type="button" class="secondary" onClick={onRemove}>
        Remove item {index + 1}
      </button>
    </fieldset>
  );
}
