import { surveyPromptSchema, type SurveyPrompt } from '@hearth/schema';
import { EditorSection } from '../components/editor-section.js';
import { PriorityField, ScheduleFields, TriggerFields } from '../components/envelope-fields.js';
import { SurveyCadenceFields, SurveyDisplayFields, SurveyQuestionFields } from '../components/survey-fields.js';
import { TranslationTable } from '../components/translation-table.js';
import { VersionHistory } from '../components/version-history.js';
import { checkSurveyDraft, draftFromSurvey, newSurveyDraft, surveyTranslatableFields } from '../models/survey-draft.js';
import { surveyPreviewState } from '../preview/preview-state.js';
import { EditorPage } from './editor-page.js';
import { promptApi, useRecordEditor } from './use-record-editor.js';

const api = promptApi('survey');

/** Create or edit an NPS, CLI or CSAT survey; every field is checked by surveyPromptSchema before it is sent. */
export function SurveyEditor({ id, template = null }: { id: string | null; template?: SurveyPrompt | null }) {
  const editor = useRecordEditor({
    id,
    api,
    newDraft: () => (template ? draftFromSurvey(template) : newSurveyDraft()),
    toDraft: (loaded) => draftFromSurvey(loaded.prompt as SurveyPrompt),
    check: checkSurveyDraft,
  });
  const { record, draft, set, errors, checked, load, message } = editor;
  if (!draft || !checked) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const preview = (locale: string) => {
    const parsed = surveyPromptSchema.safeParse(checked.prompt);
    return parsed.success ? { kind: 'survey' as const, state: surveyPreviewState(parsed.data, locale) } : null;
  };
  const envelope = { value: draft.envelope, errors, onChange: (next: typeof draft.envelope) => set({ envelope: next }) };
  return (
    <EditorPage
      editor={{ ...editor, draft, checked }}
      title={record ? `Survey: ${record.prompt.name ?? record.prompt.id}` : 'New survey'}
      status={record?.prompt.status ?? null}
      locales={[draft.defaultLocale, ...Object.keys(draft.translations)]}
      preview={preview}
      explainFor={record?.prompt.id ?? null}
      after={record && <VersionHistory record={record} onRolledBack={load} />}
      content={
        <>
          <SurveyQuestionFields draft={draft} errors={errors} set={set} />
          <SurveyDisplayFields draft={draft} errors={errors} set={set} />
        </>
      }
    >
      <EditorSection title="Trigger">
        <TriggerFields {...envelope} />
      </EditorSection>
      <EditorSection title="Schedule">
        <ScheduleFields {...envelope} />
        {errors.spread && (
          <p class="error" role="alert">
            {errors.spread}
          </p>
        )}
      </EditorSection>
      <EditorSection title="Frequency">
        <p class="hint">How often one person is asked. The cadence is the survey's only frequency setting.</p>
        <SurveyCadenceFields draft={draft} errors={errors} set={set} />
        <PriorityField {...envelope} />
      </EditorSection>
      <EditorSection title="Translations">
        <TranslationTable
          defaultLocale={draft.defaultLocale}
          fields={surveyTranslatableFields(draft)}
          value={draft.translations}
          errors={errors}
          onChange={(translations) => set({ translations })}
        />
      </EditorSection>
    </EditorPage>
  );
}
