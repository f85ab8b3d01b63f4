import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { archivePrompt, createPrompt, getPrompt, publishPrompt, updatePrompt, type PromptRecord } from '../api/prompts.js';
import { errorsFromIssues, type FieldErrors } from '../models/field-errors.js';
import { navigate, setLeaveGuard } from '../router.js';

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

const UNSAVED = 'This page has unsaved changes. Leave without saving them?';

/** Where the field errors shown come from: none yet, the live check of the draft, or the collector's last refusal. */
type Shown = 'none' | 'live' | 'server';

/** Moves focus to the error summary once it has rendered, so a refused save is announced and navigable. */
const focusSummary = () => setTimeout(() => document.getElementById('form-errors-title')?.focus(), 0);

/**
 * State and actions shared by the console's editors: load the record, keep the draft, check it as
 * it changes (the preview needs a valid draft; its problems show on request or on a refused save,
 * then follow every edit), guard unsaved changes, and show the collector's errors and outcome.
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
  const [shown, setShown] = useState<Shown>('none');
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState(() => {
    const carried = handedOver;
    handedOver = '';
    return carried;
  });
  /** The draft as last loaded or saved, to tell unsaved changes. */
  const baseline = useRef(JSON.stringify(draft));
  const checked = draft ? check(draft) : null;
  const errors = shown === 'live' ? (checked?.errors ?? {}) : shown === 'server' ? serverErrors : {};
  const dirty = draft !== null && JSON.stringify(draft) !== baseline.current;
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  useEffect(() => {
    setLeaveGuard(() => (dirtyNow.current ? UNSAVED : null));
    return () => setLeaveGuard(null);
  }, []);

  const load = (loaded: R) => {
    setRecord(loaded);
    onLoad?.(loaded);
    const next = toDraft(loaded);
    baseline.current = JSON.stringify(next);
    dirtyNow.current = false;
    setDraft(next);
  };
  useEffect(() => {
    if (id) api.get(id).then(load, (failure: Error) => setMessage(failure.message));
  }, [id]);

  const act = async (run: () => Promise<R>, done: string) => {
    try {
      const saved = await run();
      load(saved);
      setShown('none');
      const outcome = `${done} (version ${saved.version}).`;
      setMessage(outcome);
      // A new record's editor moves to the record's route, which mounts a fresh editor: the
      // confirmation must survive that, or the person never learns the save worked.
      if (!id) {
        handedOver = outcome;
        navigate(api.path(saved));
      }
    } catch (failure) {
      const issues = failure instanceof ApiError ? failure.issues : [];
      setServerErrors(errorsFromIssues(issues));
      setShown('server');
      setMessage((failure as Error).message);
      if (issues.length) focusSummary();
    }
  };
  /** Highlights the draft's problems at their fields and in the summary, which gets focus. */
  const showProblems = () => {
    setShown('live');
    focusSummary();
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!draft || !checked) return;
    if (!checked.ok) {
      showProblems();
      return setMessage(`Not saved: fix the ${Object.keys(checked.errors).length} highlighted field(s) listed above the form.`);
    }
    await act(() => api.save(checked, record), 'Saved');
  };
  return {
    record,
    draft,
    /** Merges a change into the draft (a no-op while it is still loading); the collector's errors give way to the live check. */
    set: (patch: Partial<D>) => {
      if (!draft) return;
      setDraft({ ...draft, ...patch });
      if (shown === 'server') setShown('live');
    },
    errors,
    /** The draft checked as it is now; null while loading. */
    checked,
    dirty,
    showProblems,
    message,
    load,
    save,
    publish: () => record && act(() => api.publish(record), 'Published'),
    archive: () => record && act(() => api.archive(record), 'Archived'),
  };
}

type PromptKind = 'checklist' | 'survey';
type CheckedPrompt = CheckedDraft & { prompt: Record<string, unknown> };

/** Prompts of one kind (checklist, survey), through the prompts admin API. */
const promptApi = (kind: PromptKind): RecordApi<PromptRecord, CheckedPrompt> => ({
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
const PROMPT_APIS = { checklist: promptApi('checklist'), survey: promptApi('survey') };

interface PromptEditorOptions<P, D, C extends CheckedPrompt> {
  id: string | null;
  /** A template from the gallery: the new draft starts from it instead of a blank one. */
  template: P | null;
  fromPrompt: (prompt: P) => D;
  blank: () => D;
  check: (draft: D) => C;
}

/** `useRecordEditor` for one prompt kind: a saved prompt, a template and the editor's draft convert the same way. */
export function usePromptEditor<P, D, C extends CheckedPrompt>(
  kind: PromptKind,
  { id, template, fromPrompt, blank, check }: PromptEditorOptions<P, D, C>,
) {
  return useRecordEditor({
    id,
    api: PROMPT_APIS[kind],
    newDraft: () => (template ? fromPrompt(template) : blank()),
    toDraft: (loaded) => fromPrompt(loaded.prompt as P),
    check,
  });
}
