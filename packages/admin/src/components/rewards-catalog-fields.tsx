import type { FieldErrors } from '../models/field-errors.js';
import type { CatalogDraft } from '../models/rewards-items.js';
import { TextField } from './field.js';
import { RewardsAudienceField } from './rewards-audience-field.js';
import { fieldId } from './rewards-list-section.js';

interface Props {
  /** `catalog.<index>` */
  path: string;
  item: CatalogDraft;
  errors: FieldErrors;
  onChange: (next: CatalogDraft) => void;
}

/** One catalog item: its cost, stock, per-user limit and who may redeem it. */
export function RewardsCatalogFields({ path, item, errors, onChange }: Props) {
  const set = (patch: Partial<CatalogDraft>) => onChange({ ...item, ...patch });
  const at = (field: string) => ({ id: fieldId(`${path}.${field}`), error: errors[field] });
  return (
    <>
      <TextField {...at('id')} label="Item id" value={item.id} onInput={(id) => set({ id })} />
      <TextField {...at('name')} label="Name" value={item.name} onInput={(name) => set({ name })} />
      <TextField
        {...at('description')}
        label="Description"
        multiline
        value={item.description}
        onInput={(description) => set({ description })}
      />
      <TextField {...at('cost')} type="number" label="Cost in points" value={item.cost} onInput={(cost) => set({ cost })} />
      <TextField
        {...at('stock')}
        type="number"
        label="Stock"
        hint="Shared by all users; failed redemptions give theirs back. Empty: unlimited."
        value={item.stock}
        onInput={(stock) => set({ stock })}
      />
      <TextField
        {...at('perUserLimit')}
        type="number"
        label="Per-user limit"
        hint="Empty: no limit."
        value={item.perUserLimit}
        onInput={(perUserLimit) => set({ perUserLimit })}
      />
      <RewardsAudienceField
        path={path}
        value={item}
        errors={errors}
        everyoneHint="Everyone can redeem this item. Add a rule to narrow who can."
        onChange={set}
      />
    </>
  );
}
