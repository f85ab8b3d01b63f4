import { surveyPromptSchema, type SurveyPrompt } from '@hearth/schema';
import { EditorActions, EditorHead } from '../components/editor-chrome.js';
import { EnvelopeFields } from '../components/envelope-fields.js';
import { TextField } from '../components/field.js';
import { PreviewPanel } from '../components/preview-panel.js';
import { SurveyDisplayFields, SurveyQuestionFields } from '../components/survey-fields.js';
import { TargetingBuilder } from '../components/targeting-builder.js';
import { TranslationTable } from '../components/translation-table.js';
import { VersionHistory } from '../components/version-history.js';
import { errorsUnder } from '../models/field-errors.js';
import { checkSurveyDraft, draftFromSurvey, newSurveyDraft, surveyTranslatableFields } from '../models/survey-draft.js';
import { surveyPreviewState } from '../preview/preview-state.js';
import { promptApi, useRecordEditor } from './use-record-editor.js';

const api = promptApi('survey');

/** Create or edit an NPS, CLI or CSAT survey; every field is checked by surveyPromptSchema before it is sent. */
export function SurveyEditor({ id }: { id: string | null }) {
  const { record, draft, set, errors, message, load, save, publish, archive } = useRecordEditor({
    id,
    api,
    newDraft: newSurveyDraft,
    toDraft: (loaded) => draftFromSurvey(loaded.prompt as SurveyPrompt),
    check: checkSurveyDraft,
  });
  if (!draft) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const preview = (locale: string) => {
    const parsed = surveyPromptSchema.safeParse(checkSurveyDraft(draft).prompt);
    return parsed.success ? { kind: 'survey' as const, state: surveyPreviewState(parsed.data, locale) } : null;
  };
  const status = record?.prompt.status ?? null;
  return (
    <>
      <EditorHead title={record ? `Survey: ${record.prompt.name ?? record.prompt.id}` : 'New survey'} status={status} message={message} />
      <form onSubmit={save} noValidate>
        <TextField
          id="id"
          label="Id (used in events and URLs)"
          value={draft.id}
          error={errors.id}
          onInput={(v) => !record && set({ id: v })}
        />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name })} />
        <SurveyQuestionFields draft={draft} errors={errors} set={set} />
        <TranslationTable
          defaultLocale={draft.defaultLocale}
          fields={surveyTranslatableFields(draft)}
          value={draft.translations}
          errors={errors}
          onChange={(translations) => set({ translations })}
        />
        <SurveyDisplayFields draft={draft} errors={errors} set={set} />
        <EnvelopeFields value={draft.envelope} errors={errors} onChange={(envelope) => set({ envelope })} />
        {draft.audience ? (
          <TargetingBuilder value={draft.audience} errors={errorsUnder(errors, 'audience')} onChange={(audience) => set({ audience })} />
        ) : (
          <p class="hint">This audience nests groups the builder cannot show; it is kept unchanged. Edit it through the admin API.</p>
        )}
        {errors.spread && (
          <p class="error" role="alert">
            {errors.spread}
          </p>
        )}
        <EditorActions status={status} onPublish={publish} onArchive={archive} />
      </form>
      <PreviewPanel
        locales={[draft.defaultLocale, ...Object.keys(draft.translations)]}
        target={preview}
        explainFor={record?.prompt.id ?? null}
      />
      {record && <VersionHistory record={record} onRolledBack={load} />}
    </>
  );
}
