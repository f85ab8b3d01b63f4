import { checklistPromptSchema, type ChecklistPrompt } from '@hearth/schema';
import { EditorSection } from '../components/editor-section.js';
import { FrequencyFields, ScheduleFields, TriggerFields } from '../components/envelope-fields.js';
import { TextField } from '../components/field.js';
import { ItemFields } from '../components/item-fields.js';
import { checkDraft, draftFromPrompt, emptyItem, newChecklistDraft } from '../models/checklist-draft.js';
import { errorsUnder } from '../models/field-errors.js';
import { checklistPreviewState } from '../preview/preview-state.js';
import { EditorPage, promptPageProps, widgetPreview } from './editor-page.js';
import { usePromptEditor } from './use-record-editor.js';

/** Create or edit a checklist; every field is checked by checklistPromptSchema before it is sent. */
export function ChecklistEditor({ id, template = null }: { id: string | null; template?: ChecklistPrompt | null }) {
  const editor = usePromptEditor('checklist', {
    id,
    template,
    fromPrompt: draftFromPrompt,
    blank: newChecklistDraft,
    check: checkDraft,
  });
  const { record, draft, set, errors, checked, load, message } = editor;
  if (!draft || !checked) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const preview = (locale: string) => {
    const parsed = checklistPromptSchema.safeParse(checked.prompt);
    return parsed.success ? { kind: 'checklist' as const, state: checklistPreviewState(parsed.data, locale) } : null;
  };
  const envelope = { value: draft.envelope, errors, onChange: (next: typeof draft.envelope) => set({ envelope: next }) };
  return (
    <EditorPage
      editor={{ ...editor, draft, checked }}
      {...promptPageProps('Checklist', record, load)}
      preview={widgetPreview({
        locales: [draft.base?.defaultLocale ?? 'en', ...Object.keys(draft.base?.translations ?? {})],
        target: preview,
        explainFor: record?.prompt.id ?? null,
      })}
      content={
        <>
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
            <button type="button" class="secondary" onClick={() => set({ items: [...draft.items, emptyItem(draft.items.length)] })}>
              Add item
            </button>
          </fieldset>
        </>
      }
    >
      <EditorSection title="Trigger">
        <TriggerFields {...envelope} />
      </EditorSection>
      <EditorSection title="Schedule">
        <ScheduleFields {...envelope} />
      </EditorSection>
      <EditorSection title="Frequency">
        <FrequencyFields {...envelope} />
      </EditorSection>
      <EditorSection title="Holdout">
        <TextField
          id="holdout-percent"
          label="Control group, percent of the audience (empty: none)"
          hint="This stable share of identified users never sees the checklist, so the dashboard can show what it changes (0.1–50)."
          type="number"
          value={draft.holdoutPercent}
          error={errors['holdout.percent'] ?? errors.holdout}
          onInput={(holdoutPercent) => set({ holdoutPercent })}
        />
      </EditorSection>
    </EditorPage>
  );
}
