import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { archivePrompt, createPrompt, getPrompt, publishPrompt, updatePrompt, type PromptRecord } from '../api/prompts.js';
import { errorsFromIssues, type FieldErrors } from '../models/field-errors.js';
import { navigate } from '../router.js';

/** The draft checked against the collector's schema; each kind adds the value to send when it passes. */
export interface CheckedDraft {
  ok: boolean;
  errors: FieldErrors;
}

/** How one kind of record is read and written; every write carries the version it was based on. */
export interface RecordApi<R, C extends CheckedDraft> {
  get(id: string): Promise<R>;
  /** Creates the record when there is none yet, else updates it. */
  save(checked: C, record: R | null): Promise<R>;
  publish(record: R): Promise<R>;
  archive(record: R): Promise<R>;
  /** Console route of a saved record: a new record's editor moves there once created. */
  path(record: R): string;
}

export interface RecordEditorOptions<R, D, C extends CheckedDraft> {
  id: string | null;
  api: RecordApi<R, C>;
  newDraft: () => D;
  toDraft: (record: R) => D;
  check: (draft: D) => C;
  /** Called with every record the collector answers (read, save, publish, archive, rollback). */
  onLoad?: (record: R) => void;
}

/** The outcome of creating a record, handed to the editor the console opens for it next. */
let handedOver = '';

/**
 * State and actions shared by the console's editors: load the record, keep the draft, check it
 * before sending, and show the collector's field errors and outcome message.
 */
export function useRecordEditor<R extends { version: number }, D, C extends CheckedDraft>({
  id,
  api,
  newDraft,
  toDraft,
  check,
  onLoad,
}: RecordEditorOptions<R, D, C>) {
  const [record, setRecord] = useState<R | null>(null);
  const [draft, setDraft] = useState<D | null>(id ? null : newDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState(() => {
    const carried = handedOver;
    handedOver = '';
    return carried;
  });
  const load = (loaded: R) => {
    setRecord(loaded);
    onLoad?.(loaded);
    setDraft(toDraft(loaded));
  };
  useEffect(() => {
    if (id) api.get(id).then(load, (failure: Error) => setMessage(failure.message));
  }, [id]);

  const act = async (run: () => Promise<R>, done: string) => {
    try {
      const saved = await run();
      load(saved);
      setErrors({});
      const outcome = `${done} (version ${saved.version}).`;
      setMessage(outcome);
      // A new record's editor moves to the record's route, which mounts a fresh editor: the
      // confirmation must survive that, or the person never learns the save worked.
      if (!id) {
        handedOver = outcome;
        navigate(api.path(saved));
      }
    } catch (failure) {
      setErrors(errorsFromIssues(failure instanceof ApiError ? failure.issues : []));
      setMessage((failure as Error).message);
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft) return;
    const checked = check(draft);
    setErrors(checked.errors);
    if (!checked.ok) return setMessage(`Fix the ${Object.keys(checked.errors).length} highlighted field(s) before saving.`);
    await act(() => api.save(checked, record), 'Saved');
  };
  return {
    record,
    draft,
    /** Merges a change into the draft (a no-op while it is still loading). */
    set: (patch: Partial<D>) => draft && setDraft({ ...draft, ...patch }),
    errors,
    message,
    load,
    save,
    publish: () => record && act(() => api.publish(record), 'Published'),
    archive: () => record && act(() => api.archive(record), 'Archived'),
  };
}

/** Prompts of one kind (checklist, survey), through the prompts admin API. */
export const promptApi = (kind: 'checklist' | 'survey'): RecordApi<PromptRecord, CheckedDraft & { prompt: Record<string, unknown> }> => ({
  get: getPrompt,
  save: ({ prompt }, record) => {
    // The draft checker validated it with the kind's schema; the API takes the general input type.
    const input = prompt as unknown as Parameters<typeof createPrompt>[0];
    return record ? updatePrompt(input, record.version) : createPrompt(input);
  },
  publish: (record) => publishPrompt(record.prompt.id, record.version),
  archive: (record) => archivePrompt(record.prompt.id, record.version),
  path: (record) => `prompts/${kind}/${record.prompt.id}`,
});
