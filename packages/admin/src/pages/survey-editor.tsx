import { surveyPromptSchema, type PromptInput, type SurveyPrompt } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { archivePrompt, createPrompt, getPrompt, publishPrompt, updatePrompt, type PromptRecord } from '../api/prompts.js';
import { EnvelopeFields } from '../components/envelope-fields.js';
import { ExplainPanel } from '../components/explain-panel.js';
import { TextField } from '../components/field.js';
import { PreviewPanel } from '../components/preview-panel.js';
import { SurveyDisplayFields, SurveyQuestionFields } from '../components/survey-fields.js';
import { TargetingBuilder } from '../components/targeting-builder.js';
import { TranslationTable } from '../components/translation-table.js';
import { VersionHistory } from '../components/version-history.js';
import { errorsFromIssues, errorsUnder, type FieldErrors } from '../models/field-errors.js';
import { checkSurveyDraft, draftFromSurvey, newSurveyDraft, surveyTranslatableFields, type SurveyDraft } from '../models/survey-draft.js';
import { surveyPreviewState } from '../preview/preview-state.js';
import { navigate } from '../router.js';

/** Create or edit an NPS, CLI or CSAT survey; every field is checked by surveyPromptSchema before it is sent. */
export function SurveyEditor({ id }: { id: string | null }) {
  const [record, setRecord] = useState<PromptRecord | null>(null);
  const [draft, setDraft] = useState<SurveyDraft | null>(id ? null : newSurveyDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const load = (loaded: PromptRecord) => {
    setRecord(loaded);
    setDraft(draftFromSurvey(loaded.prompt as SurveyPrompt));
  };
  useEffect(() => {
    if (id) getPrompt(id).then(load, (failure: Error) => setMessage(failure.message));
  }, [id]);
  if (!draft) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const set = (patch: Partial<SurveyDraft>) => setDraft({ ...draft, ...patch });
  const act = async (run: () => Promise<PromptRecord>, done: string) => {
    try {
      const saved = await run();
      load(saved);
      setErrors({});
      setMessage(`${done} (version ${saved.version}).`);
      if (!id) navigate(`prompts/survey/${saved.prompt.id}`);
    } catch (failure) {
      setErrors(errorsFromIssues(failure instanceof ApiError ? failure.issues : []));
      setMessage((failure as Error).message);
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const checked = checkSurveyDraft(draft);
    setErrors(checked.errors);
    if (!checked.ok) return setMessage(`Fix the ${Object.keys(checked.errors).length} highlighted field(s) before saving.`);
    const prompt = checked.prompt as unknown as PromptInput;
    await act(() => (record ? updatePrompt(prompt, record.version) : createPrompt(prompt)), 'Saved');
  };
  const preview = (locale: string) => {
    const parsed = surveyPromptSchema.safeParse(checkSurveyDraft(draft).prompt);
    return parsed.success ? { kind: 'survey' as const, state: surveyPreviewState(parsed.data, locale) } : null;
  };
  const status = record?.prompt.status ?? 'draft';
  return (
    <>
      <div class="page-head">
        <h1>{record ? `Survey: ${record.prompt.name ?? record.prompt.id}` : 'New survey'}</h1>
        {record && <span class={`status status--${status}`}>{status}</span>}
      </div>
      <p role="status" class="message">
        {message}
      </p>
      <form onSubmit={save} noValidate>
        <TextField id="id" label="Id (used in events and URLs)" value={draft.id} error={errors.id} onInput={(v) => !record && set({ id: v })} />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name })} />
        <SurveyQuestionFields draft={draft} errors={errors} set={set} />
        <TranslationTable defaultLocale={draft.defaultLocale} fields={surveyTranslatableFields(draft)} value={draft.translations} errors={errors} onChange={(translations) => set({ translations })} />
        <SurveyDisplayFields draft={draft} errors={errors} set={set} />
        <EnvelopeFields value={draft.envelope} errors={errors} onChange={(envelope) => set({ envelope })} />
        {draft.audience ? (
          <TargetingBuilder value={draft.audience} errors={errorsUnder(errors, 'audience')} onChange={(audience) => set({ audience })} />
        ) : (
          <p class="hint">This audience nests groups the builder cannot show; it is kept unchanged. Edit it through the admin API.</p>
        )}
        {errors.spread && <p class="error" role="alert">{errors.spread}</p>}
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
      <PreviewPanel locales={[draft.defaultLocale, ...Object.keys(draft.translations)]} target={preview} />
      {record && <VersionHistory record={record} onRolledBack={load} />}
      {record && <ExplainPanel promptId={record.prompt.id} />}
    </>
  );
}
