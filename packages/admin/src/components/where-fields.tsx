import type { FieldErrors } from '../models/field-errors.js';
import type { WhereRow } from '../models/where-rows.js';
import { TextField } from './field.js';
import { fieldId } from './rewards-list-section.js';

interface Props {
  /** The rows' error path, e.g. `rules.0.where`. */
  path: string;
  rows: WhereRow[];
  /** Errors under `path`: `<row>.property`, `<row>.value`. */
  errors: FieldErrors;
  onChange: (rows: WhereRow[]) => void;
}

/** "Only when the event's properties are…": property = value rows; none means any event of that name. */
export function WhereFields({ path, rows, errors, onChange }: Props) {
  const setRow = (index: number, patch: Partial<WhereRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset class="where">
      <legend>Only when the event's properties are</legend>
      {rows.length === 0 ? (
        <p class="hint">Any event of that name counts.</p>
      ) : (
        <p class="hint">
          Each property must equal its value exactly. true, false, null and numbers are typed as such; put a value in double quotes to keep
          it text ("42").
        </p>
      )}
      <ol class="rules">
        {rows.map((row, index) => (
          <li key={index} class="rule">
            <TextField
              id={fieldId(`${path}.${index}.property`)}
              label={`Property ${index + 1}`}
              value={row.property}
              error={errors[`${index}.property`]}
              onInput={(property) => setRow(index, { property })}
            />
            <TextField
              id={fieldId(`${path}.${index}.value`)}
              label={`Value ${index + 1}`}
              value={row.value}
              error={errors[`${index}.value`]}
              onInput={(value) => setRow(index, { value })}
            />
            <button type="button" class="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              Remove property {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="secondary" onClick={() => onChange([...rows, { property: '', value: '' }])}>
        Add property
      </button>
    </fieldset>
  );
}
