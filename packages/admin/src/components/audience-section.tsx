import type { AudienceDraft } from '../models/audience-builder.js';
import { errorsUnder, type FieldErrors } from '../models/field-errors.js';
import { EditorSection } from './editor-section.js';
import { TargetingBuilder } from './targeting-builder.js';

/** Said in place of the builder for an audience its rows cannot show exactly (`fromAudience` gave null). */
export const KeptAudienceNote = () => (
  <p class="hint">
    The builder cannot show this audience exactly (nested groups, <code>not</code>, or values it would retype); it is kept unchanged. Edit
    it through the admin API.
  </p>
);

/** The "Audience" section every prompt editor has; an audience richer than the builder is kept as it is. */
export function AudienceSection({
  audience,
  errors,
  onChange,
}: {
  audience: AudienceDraft | null;
  errors: FieldErrors;
  onChange: (audience: AudienceDraft) => void;
}) {
  return (
    <EditorSection title="Audience">
      {audience ? <TargetingBuilder value={audience} errors={errorsUnder(errors, 'audience')} onChange={onChange} /> : <KeptAudienceNote />}
    </EditorSection>
  );
}
