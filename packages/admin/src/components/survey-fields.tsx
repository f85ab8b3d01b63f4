import type { FieldErrors } from '../models/field-errors.js';
import { NPS_GROUPS, type CadenceKey, type SurveyDraft, type SurveyType } from '../models/survey-draft.js';
import { CheckboxField, SelectField } from './choice-fields.js';
import { TextField } from './field.js';

interface Props {
  draft: SurveyDraft;
  errors: FieldErrors;
  set: (patch: Partial<SurveyDraft>) => void;
}

const TYPES = [
  ['nps', 'NPS (0–10, would you recommend)'],
  ['cli', 'CLI (2–4 questions, 1–10)'],
  ['csat', 'CSAT (1–5, satisfaction)'],
] as const;
const CADENCE: [CadenceKey, string][] = [
  ['reaskAfterDays', 'Ask again after a response, in days'],
  ['snoozeDays', '"Ask me later" hides it for, in days'],
  ['maxAsks', 'Asks per user per period, at most'],
  ['periodDays', 'Period, in days'],
  ['minDaysBetweenAsks', 'Days between unanswered asks'],
];

/** What the survey asks, per type; errors are the prompt's (`content.question`, `content.questions.0.text`…). */
export function SurveyQuestionFields({ draft, errors, set }: Props) {
  const c = (field: string) => errors[`content.${field}`];
  return (
    <fieldset>
      <legend>Questions</legend>
      <SelectField
        id="survey-type"
        label="Survey type"
        value={draft.type}
        options={TYPES}
        error={c('type')}
        onChange={(type) => set({ type: type as SurveyType })}
      />
      {draft.type === 'nps' && (
        <TextField
          id="survey-product"
          label="Product name (fills {product})"
          value={draft.product}
          error={c('product')}
          onInput={(product) => set({ product })}
        />
      )}
      {draft.type !== 'cli' && (
        <TextField
          id="survey-question"
          label={draft.type === 'nps' ? 'Question (empty: the standard NPS question)' : 'Question'}
          value={draft.question}
          error={c('question')}
          onInput={(question) => set({ question })}
        />
      )}
      {draft.type === 'cli' && (
        <>
          {c('questions') && (
            <p class="error" role="alert">
              {c('questions')}
            </p>
          )}
          <ol class="rules">
            {draft.questions.map((q, i) => {
              const setQ = (patch: Partial<typeof q>) =>
                set({ questions: draft.questions.map((other, j) => (j === i ? { ...other, ...patch } : other)) });
              return (
                <li key={i} class="rule">
                  <TextField
                    id={`survey-q-${i}-id`}
                    label={`Question ${i + 1} id`}
                    value={q.id}
                    error={c(`questions.${i}.id`)}
                    onInput={(id) => setQ({ id })}
                  />
                  <TextField
                    id={`survey-q-${i}-text`}
                    label={`Question ${i + 1}`}
                    value={q.text}
                    error={c(`questions.${i}.text`)}
                    onInput={(text) => setQ({ text })}
                  />
                  <button type="button" class="secondary" onClick={() => set({ questions: draft.questions.filter((_, j) => j !== i) })}>
                    Remove question {i + 1}
                  </button>
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            onClick={() => set({ questions: [...draft.questions, { id: `q${draft.questions.length + 1}`, text: '' }] })}
          >
            Add question
          </button>
        </>
      )}
      <CheckboxField
        id="survey-comment"
        label="Ask an open follow-up after the score"
        checked={draft.comment}
        onChange={(comment) => set({ comment })}
      />
      {draft.type === 'nps' && (
        <CheckboxField
          id="survey-per-group"
          label="A different follow-up for promoters, passives and detractors"
          checked={draft.followUpPerGroup}
          onChange={(followUpPerGroup) => set({ followUpPerGroup })}
        />
      )}
      {draft.type === 'nps' && draft.followUpPerGroup ? (
        NPS_GROUPS.map((group) => (
          <TextField
            key={group}
            id={`survey-follow-up-${group}`}
            label={`Follow-up for ${group}s (empty: the generic one)`}
            value={draft.followUpByGroup[group]}
            error={c(`followUp.${group}`)}
            onInput={(text) => set({ followUpByGroup: { ...draft.followUpByGroup, [group]: text } })}
          />
        ))
      ) : (
        <TextField
          id="survey-follow-up"
          label="Follow-up question (empty: the widget's own)"
          value={draft.followUp}
          error={c('followUp')}
          onInput={(followUp) => set({ followUp })}
        />
      )}
      <TextField
        id="survey-low"
        label="Lowest-score label (empty: the widget's own)"
        value={draft.lowLabel}
        error={c('lowLabel')}
        onInput={(lowLabel) => set({ lowLabel })}
      />
      <TextField
        id="survey-high"
        label="Highest-score label (empty: the widget's own)"
        value={draft.highLabel}
        error={c('highLabel')}
        onInput={(highLabel) => set({ highLabel })}
      />
      <TextField
        id="survey-thanks"
        label="Thank-you (empty: the widget's own)"
        value={draft.thankYou}
        error={c('thankYou')}
        onInput={(thankYou) => set({ thankYou })}
      />
    </fieldset>
  );
}

/** How it is shown, what answering earns, and its language. */
export function SurveyDisplayFields({ draft, errors, set }: Props) {
  return (
    <fieldset>
      <legend>Display</legend>
      <SelectField
        id="survey-display"
        label="Display"
        value={draft.display}
        options={[
          ['corner', 'Corner card (keeps focus on the page)'],
          ['modal', 'Modal'],
        ]}
        onChange={(display) => set({ display: display === 'modal' ? 'modal' : 'corner' })}
      />
      <CheckboxField
        id="survey-ask-later"
        label='Offer "ask me later"'
        checked={draft.askLater}
        onChange={(askLater) => set({ askLater })}
      />
      <CheckboxField
        id="survey-dismissible"
        label="Can be dismissed"
        checked={draft.dismissible}
        onChange={(dismissible) => set({ dismissible })}
      />
      <TextField
        id="survey-points"
        label="Points for answering (needs a rewards program; empty: none)"
        value={draft.points}
        error={errors.points}
        onInput={(points) => set({ points })}
      />
      <TextField
        id="survey-locale"
        label="Default locale (the texts above)"
        value={draft.defaultLocale}
        error={errors.defaultLocale}
        onInput={(defaultLocale) => set({ defaultLocale })}
      />
    </fieldset>
  );
}

/**
 * How often one user is asked: the survey's cadence is its only frequency control (the prompt
 * envelope's display caps would overlap with it, so the survey editor does not offer them).
 */
export function SurveyCadenceFields({ draft, errors, set }: Props) {
  return (
    <>
      {CADENCE.map(([key, label]) => (
        <TextField
          key={key}
          id={`cadence-${key}`}
          label={label}
          value={draft.cadence[key]}
          error={errors[`cadence.${key}`]}
          onInput={(text) => set({ cadence: { ...draft.cadence, [key]: text } })}
        />
      ))}
    </>
  );
}
