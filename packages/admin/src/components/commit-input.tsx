import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type CommitInputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'onChange'> & {
  value: string;
  /** Called with the text once the person is done with it: on Enter or when focus leaves. */
  onCommit: (value: string) => void;
};

/**
 * A text or date input whose value is applied when committed, not on every keystroke (each
 * commit may start KPI reads). What is typed lives in its own draft state: a controlled input
 * bound straight to the committed value would be reset to it by any render in between (a KPI
 * answer arriving), wiping what the person typed before they leave the field.
 */
export function CommitInput({ value, onCommit, ...input }: CommitInputProps) {
  const [draft, setDraft] = useState(value);
  // A new committed value from outside (a preset button) replaces the draft.
  useEffect(() => setDraft(value), [value]);
  return (
    <input
      {...input}
      value={draft}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onChange={(e) => {
        if (e.currentTarget.value !== value) onCommit(e.currentTarget.value);
      }}
    />
  );
}
