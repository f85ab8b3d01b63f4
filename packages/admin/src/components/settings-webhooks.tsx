import { emptyWebhook, type SurveyResponses, type WebhookDraft } from '../models/settings-draft.js';
import { SelectField } from './choice-fields.js';
import { TextField } from './field.js';
import type { SectionProps } from './settings-appearance.js';

const RESPONSES = [
  ['detractors', 'Detractors only (NPS 0–6, CSAT 1–2, CLI ≤ 6)'],
  ['all', 'Every response'],
  ['none', 'None (paused)'],
] as const;

interface WebhookProps extends SectionProps {
  onRotate: (fingerprint: string) => void;
  onFinishRotation: (fingerprint: string) => void;
}

/** Webhooks: where survey responses are pushed; secrets are generated on save and shown once. */
export function WebhookFields({ draft, errors, set, onRotate, onFinishRotation }: WebhookProps) {
  const setHook = (index: number, patch: Partial<WebhookDraft>) =>
    set({ webhooks: draft.webhooks.map((hook, i) => (i === index ? { ...hook, ...patch } : hook)) });
  const err = (index: number, field: string) =>
    Object.entries(errors).find(([path]) => path === `webhooks.${index}.${field}` || path.startsWith(`webhooks.${index}.${field}.`))?.[1];
  return (
    <fieldset>
      <legend>Webhooks</legend>
      {errors.webhooks && (
        <p class="error" role="alert">
          {errors.webhooks}
        </p>
      )}
      {draft.webhooks.length === 0 && (
        <p class="hint">No webhooks yet. Add one to receive survey responses (detractors by default) on your backend.</p>
      )}
      <ol class="rules">
        {draft.webhooks.map((hook, index) => (
          <li key={index} class="rule webhook">
            <TextField
              id={`webhook-${index}-url`}
              label={`Webhook ${index + 1} URL`}
              value={hook.url}
              error={err(index, 'url')}
              onInput={(url) => setHook(index, { url })}
            />
            <SelectField
              id={`webhook-${index}-responses`}
              label="Send"
              value={hook.surveyResponses}
              options={RESPONSES}
              onChange={(value) => setHook(index, { surveyResponses: value as SurveyResponses })}
            />
            <TextField
              id={`webhook-${index}-surveys`}
              label="Only these surveys (ids, comma-separated)"
              value={hook.surveyIds}
              error={err(index, 'surveyIds')}
              onInput={(surveyIds) => setHook(index, { surveyIds })}
            />
            <p class="hint">
              {hook.secretsOf ? (
                <>
                  Signing secrets:{' '}
                  {hook.secretFingerprints.map((fingerprint) => (
                    <code key={fingerprint}>{fingerprint} </code>
                  ))}
                </>
              ) : (
                'New: a signing secret is generated when you save.'
              )}
            </p>
            {err(index, 'secretsOf') && (
              <p class="error" role="alert">
                {err(index, 'secretsOf')}
              </p>
            )}
            {hook.secretsOf &&
              (hook.secretFingerprints.length > 1 ? (
                <button type="button" class="secondary" onClick={() => onFinishRotation(hook.secretsOf)}>
                  Finish secret rotation of webhook {index + 1}
                </button>
              ) : (
                <button type="button" class="secondary" onClick={() => onRotate(hook.secretsOf)}>
                  Rotate secret of webhook {index + 1}
                </button>
              ))}
            <button type="button" class="secondary" onClick={() => set({ webhooks: draft.webhooks.filter((_, i) => i !== index) })}>
              Remove webhook {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="secondary"
        onClick={() => set({ webhooks: [...draft.webhooks, emptyWebhook()] })}
        disabled={draft.webhooks.length >= 10}
      >
        Add webhook
      </button>
    </fieldset>
  );
}
