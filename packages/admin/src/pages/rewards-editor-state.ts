import type { RewardsConfig } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { getRewardsProgram, saveRewardsProgram, type RewardsProgramRecord } from '../api/rewards-program.js';
import { errorsFromIssues, type FieldErrors } from '../models/field-errors.js';
import { checkRewardsDraft, draftFromProgram, newRewardsDraft, type RewardsDraft } from '../models/rewards-draft.js';

/** What the last save ended in, for the page's live message (and its Reload offer on a conflict). */
export type Outcome = { kind: 'none' | 'saved' | 'invalid' | 'failed' | 'conflict'; text: string };

const NONE: Outcome = { kind: 'none', text: '' };

/**
 * The rewards editor's state: the loaded record, the draft (the saved program, or `template` when
 * one was chosen in the gallery), and the errors of the last save.
 * After a save refused for its fields, every edit is re-checked, so fixed fields clear at once.
 */
export function useRewardsEditor(template: RewardsConfig | null = null) {
  const [record, setRecord] = useState<RewardsProgramRecord | null>(null);
  const [loadError, setLoadError] = useState('');
  /** Null while loading, or when the project has no program and none is being written. */
  const [draft, setDraft] = useState<RewardsDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [recheck, setRecheck] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(NONE);
  const [saving, setSaving] = useState(false);

  const show = (loaded: RewardsProgramRecord, start: RewardsConfig | null = null) => {
    setRecord(loaded);
    const program = start ?? loaded.program;
    setDraft(program ? draftFromProgram(program) : null);
    setErrors({});
    setRecheck(false);
  };
  const load = () => {
    setLoadError('');
    return getRewardsProgram().then(
      (loaded) => (show(loaded, template), setOutcome(NONE)),
      (failure: Error) => setLoadError(failure.message),
    );
  };
  useEffect(() => void load(), []);

  const edit = (next: RewardsDraft) => {
    setDraft(next);
    if (recheck) setErrors(checkRewardsDraft(next).errors);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft || !record || saving) return;
    const checked = checkRewardsDraft(draft);
    setErrors(checked.errors);
    setRecheck(!checked.ok);
    if (!checked.ok) {
      const count = Object.keys(checked.errors).length;
      setOutcome({ kind: 'invalid', text: `Not saved: fix the ${count === 1 ? 'problem' : `${count} problems`} listed above the form.` });
      return;
    }
    setSaving(true);
    try {
      const saved = await saveRewardsProgram(checked.program, record.version);
      show(saved);
      setOutcome({
        kind: 'saved',
        text: `Saved (settings version ${saved.version}). The new program applies from the next request: no restart needed.`,
      });
    } catch (failure) {
      const error = failure instanceof ApiError ? failure : new ApiError(0, 'unknown', (failure as Error).message);
      if (error.status === 409) {
        setOutcome({
          kind: 'conflict',
          text: `Not saved: ${error.message} Reload to see the current program (your edits here will be discarded).`,
        });
      } else {
        setErrors(errorsFromIssues(error.issues));
        setRecheck(error.issues.length > 0);
        setOutcome({ kind: 'failed', text: `Not saved: ${error.message}` });
      }
    } finally {
      setSaving(false);
    }
  };

  return {
    record,
    loadError,
    draft,
    errors,
    outcome,
    saving,
    load,
    edit,
    save,
    /** Starts a program for a project that has none (nothing is stored until it is saved). */
    start: () => setDraft(newRewardsDraft()),
  };
}
