import { KeptAudienceNote } from './audience-section.js';
import { errorsUnder, type FieldErrors } from '../models/field-errors.js';
import type { AudienceChoice } from '../models/rewards-items.js';
import { fieldId } from './rewards-list-section.js';
import { TargetingBuilder } from './targeting-builder.js';

interface Props {
  /** The entry's path, e.g. `rules.0`. */
  path: string;
  value: AudienceChoice;
  /** The entry's errors (under `path`). */
  errors: FieldErrors;
  everyoneHint: string;
  onChange: (next: AudienceChoice) => void;
}

/** Who an earning rule or catalog item is for: the targeting builder, or the loaded audience kept as it is. */
export function RewardsAudienceField({ path, value, errors, everyoneHint, onChange }: Props) {
  if (!value.audience) return <KeptAudienceNote />;
  return (
    <TargetingBuilder
      idPrefix={fieldId(`${path}.audience`)}
      everyoneHint={everyoneHint}
      value={value.audience}
      errors={errorsUnder(errors, 'audience')}
      onChange={(audience) => onChange({ audience, keptAudience: undefined })}
    />
  );
}
