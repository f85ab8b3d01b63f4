import { surveyPromptSchema, type SurveyPrompt } from '@hearth/schema';
import { EditorSection } from '../components/editor-section.js';
import { PriorityField, ScheduleFields, TriggerFields } from '../components/envelope-fields.js';
import { SurveyCadenceFields, SurveyDisplayFields, SurveyQuestionFields } from '../components/survey-fields.js';
import { TranslationTable } from '../components/translation-table.js';
import { checkSurveyDraft, draftFromSurvey, newSurveyDraft, surveyTranslatableFields } from '../models/survey-draft.js';
import { surveyPreviewState } from '../preview/preview-state.js';
import { EditorPage, promptPageProps, widgetPreview } from './editor-page.js';
import { usePromptEditor } from './use-record-editor.js';

/** Create or edit an NPS, CLI or CSAT survey; every field is checked by surveyPromptSchema before it is sent. */
export function SurveyEditor({ id, template = null }: { id: string | null; template?: SurveyPrompt | null }) {
  const editor = usePromptEditor('survey', {
    id,
    template,
    fromPrompt: draftFromSurvey,
    blank: newSurveyDraft,
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
      {...promptPageProps('Survey', record, load)}
      preview={widgetPreview({
        locales: [draft.defaultLocale, ...Object.keys(draft.translations)],
        target: preview,
        explainFor: record?.prompt.id ?? null,
      })}
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
