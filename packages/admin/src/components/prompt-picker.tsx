import type { PromptRecord } from '../api/prompts.js';
import { Field } from './field.js';

/** A select of prompts by name, for the dashboard panels. */
export function PromptPicker({
  id,
  label,
  records,
  value,
  onChange,
}: {
  id: string;
  label: string;
  records: readonly PromptRecord[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <Field id={id} label={label}>
      {(aria) => (
        <select {...aria} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {records.map((r) => (
            <option key={r.prompt.id} value={r.prompt.id}>
              {r.prompt.name ?? r.prompt.id}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
