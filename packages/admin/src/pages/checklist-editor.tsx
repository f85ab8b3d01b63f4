import type { ChecklistPrompt, PromptInput } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { archivePrompt, createPrompt, getPrompt, publishPrompt, updatePrompt, type PromptRecord } from '../api/prompts.js';
import { ExplainPanel } from '../components/explain-panel.js';
import { TextField } from '../components/field.js';
import { ItemFields } from '../components/item-fields.js';
import { TargetingBuilder } from '../components/targeting-builder.js';
import { VersionHistory } from '../components/version-history.js';
import { checkDraft, draftFromPrompt, emptyItem, newChecklistDraft, type ChecklistDraft } from '../models/checklist-draft.js';
import { errorsFromIssues, errorsUnder, type FieldErrors } from '../models/field-errors.js';
import { navigate } from '../router.js';

/** Create or edit a checklist; every field is checked by checklistPromptSchema before it is sent. */
export function ChecklistEditor({ id }: { id: string | null }) {
  const [record, setRecord] = useState<PromptRecord | null>(null);
  const [draft, setDraft] = useState<ChecklistDraft | null>(id ? null : newChecklistDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const load = (loaded: PromptRecord) => {
    setRecord(loaded);
    setDraft(draftFromPrompt(loaded.prompt as ChecklistPrompt));
  };
  useEffect(() => {
    if (id) getPrompt(id).then(load, (failure: Error) => setMessage(failure.message));
  }, [id]);
  if (!draft) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const set = (patch: Partial<ChecklistDraft>) => setDraft({ ...draft, ...patch });
  const act = async (run: () => Promise<PromptRecord>, done: string) => {
    try {
      const saved = await run();
      load(saved);
      setErrors({});
      setMessage(`${done} (version ${saved.version}).`);
      if (!id) navigate(`prompts/checklist/${saved.prompt.id}`);
    } catch (failure) {
      const apiError = failure instanceof ApiError ? failure : null;
      setErrors(errorsFromIssues(apiError?.issues ?? []));
      setMessage((failure as Error).message);
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    setErrors(checked.errors);
    if (!checked.ok) {
      setMessage(`Fix the ${Object.keys(checked.errors).length} highlighted field(s) before saving.`);
      return;
    }
    const prompt = checked.prompt as unknown as PromptInput;
    await act(() => (record ? updatePrompt(prompt, record.version) : createPrompt(prompt)), 'Saved');
  };
  const status = record?.prompt.status ?? 'draft';
  return (
    <>
      <div class="page-head">
        <h1>{record ? `Checklist: ${record.prompt.name ?? record.prompt.id}` : 'New checklist'}</h1>
        {record && <span class={`status status--${status}`}>{status}</span>}
      </div>
      <p role="status" class="message">
        {message}
      </p>
      <form onSubmit={save} noValidate>
        <TextField id="id" label="Id (used in events and URLs)" value={draft.id} error={errors.id} onInput={(v) => !record && set({ id: v })} />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name })} />
        <TextField id="title" label="Title" value={draft.title} error={errors['content.title']} onInput={(title) => set({ title })} />
        <TextField id="description" label="Description" multiline value={draft.description} error={errors['content.description']} onInput={(description) => set({ description })} />
        <fieldset>
          <legend>Items</legend>
          {errors['content.items'] && <p class="error" role="alert">{errors['content.items']}</p>}
          <ol class="items">
            {draft.items.map((item, index) => (
              <li key={index}>
                <ItemFields
                  index={index}
                  item={item}
                  errors={errorsUnder(errors, `content.items.${index}`)}
                  onChange={(next) => set({ items: draft.items.map((it, i) => (i === index ? next : it)) })}
                  onRemove={() => set({ items: draft.items.filter((_, i) => i !== index) })}
                />
              </li>
            ))}
          </ol>
          <button type="button" onClick={() => set({ items: [...draft.items, emptyItem(draft.items.length)] })}>
            Add item
          </button>
        </fieldset>
        {draft.audience ? (
          <TargetingBuilder value={draft.audience} errors={errorsUnder(errors, 'audience')} onChange={(audience) => set({ audience })} />
        ) : (
          <p class="hint">This audience nests groups the builder cannot show; it is kept unchanged. Edit it through the admin API.</p>
        )}
        <div class="actions">
          <button type="submit">Save</button>
          {record && status !== 'live' && status !== 'scheduled' && (
            <button type="button" onClick={() => act(() => publishPrompt(record.prompt.id, record.version), 'Published')}>
              Publish
            </button>
          )}
          {record && status !== 'archived' && (
            <button type="button" class="secondary" onClick={() => act(() => archivePrompt(record.prompt.id, record.version), 'Archived')}>
              Archive
            </button>
          )}
        </div>
      </form>
      {record && <VersionHistory record={record} onRolledBack={load} />}
      {record && <ExplainPanel promptId={record.prompt.id} />}
    </>
  );
}
