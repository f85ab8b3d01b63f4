import { checklistPromptSchema, type ChecklistPrompt } from '@hearth/schema';
import { EditorActions, EditorHead } from '../components/editor-chrome.js';
import { EnvelopeFields } from '../components/envelope-fields.js';
import { TextField } from '../components/field.js';
import { ItemFields } from '../components/item-fields.js';
import { PreviewPanel } from '../components/preview-panel.js';
import { TargetingBuilder } from '../components/targeting-builder.js';
import { VersionHistory } from '../components/version-history.js';
import { checkDraft, draftFromPrompt, emptyItem, newChecklistDraft } from '../models/checklist-draft.js';
import { errorsUnder } from '../models/field-errors.js';
import { checklistPreviewState } from '../preview/preview-state.js';
import { promptApi, useRecordEditor } from './use-record-editor.js';

const api = promptApi('checklist');

/** Create or edit a checklist; every field is checked by checklistPromptSchema before it is sent. */
export function ChecklistEditor({ id }: { id: string | null }) {
  const { record, draft, set, errors, message, load, save, publish, archive } = useRecordEditor({
    id,
    api,
    newDraft: newChecklistDraft,
    toDraft: (loaded) => draftFromPrompt(loaded.prompt as ChecklistPrompt),
    check: checkDraft,
  });
  if (!draft) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const preview = (locale: string) => {
    const parsed = checklistPromptSchema.safeParse(checkDraft(draft).prompt);
    return parsed.success ? { kind: 'checklist' as const, state: checklistPreviewState(parsed.data, locale) } : null;
  };
  const status = record?.prompt.status ?? null;
  return (
    <>
      <EditorHead
        title={record ? `Checklist: ${record.prompt.name ?? record.prompt.id}` : 'New checklist'}
        status={status}
        message={message}
      />
      <form onSubmit={save} noValidate>
        <TextField
          id="id"
          label="Id (used in events and URLs)"
          value={draft.id}
          error={errors.id}
          onInput={(v) => !record && set({ id: v })}
        />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name })} />
        <TextField id="title" label="Title" value={draft.title} error={errors['content.title']} onInput={(title) => set({ title })} />
        <TextField
          id="description"
          label="Description"
          multiline
          value={draft.description}
          error={errors['content.description']}
          onInput={(description) => set({ description })}
        />
        <fieldset>
          <legend>Items</legend>
          {errors['content.items'] && (
            <p class="error" role="alert">
              {errors['content.items']}
            </p>
          )}
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
        <EnvelopeFields value={draft.envelope} errors={errors} onChange={(envelope) => set({ envelope })} />
        {draft.audience ? (
          <TargetingBuilder value={draft.audience} errors={errorsUnder(errors, 'audience')} onChange={(audience) => set({ audience })} />
        ) : (
          <p class="hint">This audience nests groups the builder cannot show; it is kept unchanged. Edit it through the admin API.</p>
        )}
        <EditorActions status={status} onPublish={publish} onArchive={archive} />
      </form>
      <PreviewPanel
        locales={[draft.base?.defaultLocale ?? 'en', ...Object.keys(draft.base?.translations ?? {})]}
        target={preview}
        explainFor={record?.prompt.id ?? null}
      />
      {record && <VersionHistory record={record} onRolledBack={load} />}
    </>
  );
}
