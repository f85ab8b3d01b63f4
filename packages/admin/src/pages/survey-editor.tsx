import { surveyPromptSchema, type SurveyPrompt } from '@hearth/schema';
import { AudienceSection } from '../components/audience-section.js';
import { EditorActions, EditorHead } from '../components/editor-chrome.js';
import { EditorLayout } from '../components/editor-layout.js';
import { EditorSection } from '../components/editor-section.js';
import { PriorityField, ScheduleFields, TriggerFields } from '../components/envelope-fields.js';
import { TextField } from '../components/field.js';
import { PreviewPanel } from '../components/preview-panel.js';
import { SurveyCadenceFields, SurveyDisplayFields, SurveyQuestionFields } from '../components/survey-fields.js';
import { TranslationTable } from '../components/translation-table.js';
import { VersionHistory } from '../components/version-history.js';
import { checkSurveyDraft, draftFromSurvey, newSurveyDraft, surveyTranslatableFields } from '../models/survey-draft.js';
import { surveyPreviewState } from '../preview/preview-state.js';
import { promptApi, useRecordEditor } from './use-record-editor.js';

const api = promptApi('survey');

/** Create or edit an NPS, CLI or CSAT survey; every field is checked by surveyPromptSchema before it is sent. */
export function SurveyEditor({ id, template = null }: { id: string | null; template?: SurveyPrompt | null }) {
  const { record, draft, set, errors, checked, dirty, showProblems, message, load, save, publish, archive } = useRecordEditor({
    id,
    api,
    newDraft: () => (template ? draftFromSurvey(template) : newSurveyDraft()),
    toDraft: (loaded) => draftFromSurvey(loaded.prompt as SurveyPrompt),
    check: checkSurveyDraft,
  });
  if (!draft || !checked) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const preview = (locale: string) => {
    const parsed = surveyPromptSchema.safeParse(checked.prompt);
    return parsed.success ? { kind: 'survey' as const, state: surveyPreviewState(parsed.data, locale) } : null;
  };
  const status = record?.prompt.status ?? null;
  const envelope = { value: draft.envelope, errors, onChange: (next: typeof draft.envelope) => set({ envelope: next }) };
  return (
    <EditorLayout
      head={
        <EditorHead
          title={record ? `Survey: ${record.prompt.name ?? record.prompt.id}` : 'New survey'}
          status={status}
          message={message}
          dirty={dirty}
        />
      }
      errors={errors}
      onSubmit={save}
      preview={
        <PreviewPanel
          locales={[draft.defaultLocale, ...Object.keys(draft.translations)]}
          target={preview}
          explainFor={record?.prompt.id ?? null}
          problems={Object.keys(checked.errors).length}
          onShowProblems={showProblems}
        />
      }
      after={record && <VersionHistory record={record} onRolledBack={load} />}
    >
      <EditorSection title="Content" open>
        <TextField
          id="id"
          label="Id (used in events and URLs)"
          value={draft.id}
          error={errors.id}
          onInput={(v) => !record && set({ id: v })}
        />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name })} />
        <SurveyQuestionFields draft={draft} errors={errors} set={set} />
        <SurveyDisplayFields draft={draft} errors={errors} set={set} />
      </EditorSection>
      <AudienceSection audience={draft.audience} errors={errors} onChange={(audience) => set({ audience })} />
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
      <EditorActions status={status} onPublish={publish} onArchive={archive} />
    </EditorLayout>
  );
}
