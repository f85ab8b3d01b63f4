import type { FieldErrors } from '../models/field-errors.js';
import type { SettingsDraft } from '../models/settings-draft.js';
import { TextField } from './field.js';

interface RetentionProps {
  draft: SettingsDraft;
  errors: FieldErrors;
  set: (patch: Partial<SettingsDraft>) => void;
}

/**
 * How long raw events are kept, with what the dashboard can still answer once they are gone: a
 * period deletes data for good, so the page says what is lost before an owner saves one.
 */
export function RetentionFields({ draft, errors, set }: RetentionProps) {
  return (
    <fieldset>
      <legend>Data retention</legend>
      <TextField
        id="event-retention-days"
        label="Keep raw events for (days)"
        type="number"
        value={draft.eventRetentionDays}
        error={errors.eventRetentionDays}
        hint="7–3650 days; empty keeps them forever. Older events are deleted every hour, for good. Only owners can change this."
        onInput={(eventRetentionDays) => set({ eventRetentionDays })}
      />
      <details>
        <summary>What the dashboard still answers after events expire</summary>
        <p>Kept whatever the period: users and their traits, survey responses, the rewards ledgers and the daily activity rollup.</p>
        <ul>
          <li>
            <strong>Unchanged:</strong> active users, churn and retention, cohorts, drop-off and usage frequency (read from the activity
            rollup); segments by trait; NPS, CSAT and CES scores, trends and exports (from the responses); rewards KPIs (from the ledgers).
          </li>
          <li>
            <strong>Only within the kept events:</strong> feature adoption, checklist KPIs (subjects first shown the checklist since then),
            survey response rates (displays), announcement reach, reads, clicks and reactions, and targeting that looks at a user's past
            events.
          </li>
        </ul>
      </details>
    </fieldset>
  );
}
