import { errorsUnder, type FieldErrors } from '../models/field-errors.js';
import type { TierDraft } from '../models/rewards-items.js';
import { TextField } from './field.js';
import { fieldId } from './rewards-list-section.js';

interface Props {
  /** `tiers.<index>` */
  path: string;
  tier: TierDraft;
  errors: FieldErrors;
  onChange: (next: TierDraft) => void;
}

/** The first failing perk, named by its line, e.g. "perk 2: must not be empty". */
function perkError(errors: FieldErrors): string | undefined {
  const perks = errorsUnder(errors, 'perks');
  const [line, message] = Object.entries(perks)[0] ?? [];
  if (line === undefined) return undefined;
  return line === '(root)' ? message : `perk ${Number(line) + 1}: ${message}`;
}

/** One tier: from how many lifetime points it holds, and its perks. */
export function RewardsTierFields({ path, tier, errors, onChange }: Props) {
  const set = (patch: Partial<TierDraft>) => onChange({ ...tier, ...patch });
  const at = (field: string) => ({ id: fieldId(`${path}.${field}`), error: errors[field] });
  return (
    <>
      <TextField {...at('id')} label="Tier id" value={tier.id} onInput={(id) => set({ id })} />
      <TextField {...at('name')} label="Name" value={tier.name} onInput={(name) => set({ name })} />
      <TextField
        {...at('minPoints')}
        type="number"
        label="From lifetime points"
        hint="Spending never lowers a tier; a user holds the highest tier whose threshold they reached."
        value={tier.minPoints}
        onInput={(minPoints) => set({ minPoints })}
      />
      <TextField
        id={fieldId(`${path}.perks`)}
        error={perkError(errors)}
        label="Perks (one per line)"
        multiline
        value={tier.perks}
        onInput={(perks) => set({ perks })}
      />
    </>
  );
}
