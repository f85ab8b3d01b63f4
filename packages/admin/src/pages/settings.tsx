import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import {
  finishSecretKeyRotation,
  finishWebhookRotation,
  getSettings,
  rotateSecretKey,
  rotateWebhookSecret,
  saveSettings,
  type ProjectSettings,
} from '../api/settings.js';
import { SecretOnce } from '../components/secret-once.js';
import { AppearanceFields, EngagementFields, LocaleFields } from '../components/settings-appearance.js';
import { RetentionFields } from '../components/settings-retention.js';
import { SecurityFields } from '../components/settings-security.js';
import { WebhookFields } from '../components/settings-webhooks.js';
import { errorsFromIssues, type FieldErrors } from '../models/field-errors.js';
import { projectId } from '../models/session.js';
import { checkSettingsDraft, draftFromSettings, withCurrentSecrets, type SettingsDraft } from '../models/settings-draft.js';

type NewSecrets = ProjectSettings['newSecrets'];

const lastChange = (saved: ProjectSettings) =>
  saved.updatedAt
    ? `Version ${saved.version}, last changed ${new Date(saved.updatedAt).toLocaleString()} (${saved.updatedBy ?? 'unknown'}).`
    : 'Never changed in the console: every value comes from hearth.config.json.';

/**
 * The project's settings, editable: a save sends only the fields the form changed (the others keep
 * following hearth.config.json), conditional on the version loaded, and applies within seconds.
 */
export function SettingsPage() {
  const [saved, setSaved] = useState<ProjectSettings | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState('');
  const [secrets, setSecrets] = useState<NewSecrets>([]);
  const [busy, setBusy] = useState(false);

  const load = (answer: ProjectSettings, keepDraft = false) => {
    setSaved(answer);
    setDraft((current) =>
      keepDraft && current ? { ...current, webhooks: withCurrentSecrets(current.webhooks, answer) } : draftFromSettings(answer),
    );
    if (answer.newSecrets.length) setSecrets((shown) => [...shown, ...answer.newSecrets]);
  };
  useEffect(() => {
    setSaved(null);
    getSettings().then(load, (failure: Error) => setMessage(failure.message));
  }, [projectId.value]);

  const run = async (action: () => Promise<ProjectSettings>, done: string, keepDraft = false) => {
    setBusy(true);
    try {
      load(await action(), keepDraft);
      setErrors({});
      setMessage(done);
    } catch (failure) {
      const error = failure as Error;
      setErrors(errorsFromIssues(failure instanceof ApiError ? failure.issues : []));
      setMessage(
        failure instanceof ApiError && failure.status === 409 ? `${error.message} Your edits are still in the form.` : error.message,
      );
    } finally {
      setBusy(false);
    }
  };

  if (!saved || !draft)
    return message ? (
      <p class="error" role="alert">
        {message}
      </p>
    ) : (
      <p aria-busy="true">Loading settings…</p>
    );
  const set = (patch: Partial<SettingsDraft>) => setDraft({ ...draft, ...patch });
  const section = { draft, errors, set };

  const submit = (event: Event) => {
    event.preventDefault();
    const checked = checkSettingsDraft(draft, saved);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage('Some settings are not valid: see the messages at the fields.');
      return;
    }
    if (Object.keys(checked.patch).length === 0) {
      setMessage('Nothing changed.');
      return;
    }
    void run(() => saveSettings(checked.patch, saved.version), 'Settings saved: the collector applies them to the next request.');
  };

  const discard = () => {
    setDraft(draftFromSettings(saved));
    setErrors({});
    setMessage('Edits discarded.');
  };

  return (
    <>
      <h1>Project settings</h1>
      <p class="hint">
        {saved.project.name} ({saved.project.id}). {lastChange(saved)} Changes apply without a restart; fields never changed here follow
        hearth.config.json.
      </p>
      <p role="status" class="message">
        {message}
      </p>
      {secrets.map((secret) => (
        <SecretOnce
          key={secret.fingerprint}
          label={secret.for === 'secretKey' ? 'New secret key' : `New signing secret for ${secret.for}`}
          secret={secret.secret}
          fingerprint={secret.fingerprint}
          onDismiss={() => setSecrets(secrets.filter((shown) => shown !== secret))}
        />
      ))}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <AppearanceFields {...section} />
        <LocaleFields {...section} inUse={saved.localesInUse} />
        <EngagementFields {...section} />
        <RetentionFields {...section} />
        <SecurityFields
          {...section}
          keys={saved.keys}
          onRotate={() =>
            void run(() => rotateSecretKey(saved.version), 'New secret key created: both keys work until you finish the rotation.', true)
          }
          onFinishRotation={() =>
            void run(() => finishSecretKeyRotation(saved.version), 'Rotation finished: the old secret key no longer works.', true)
          }
        />
        <WebhookFields
          {...section}
          onRotate={(fingerprint) =>
            void run(
              () => rotateWebhookSecret(fingerprint, saved.version),
              'New signing secret created: deliveries carry both signatures until you finish.',
              true,
            )
          }
          onFinishRotation={(fingerprint) =>
            void run(() => finishWebhookRotation(fingerprint, saved.version), 'Secret rotation finished for the webhook.', true)
          }
        />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Save settings
          </button>
          <button type="button" class="secondary" onClick={discard}>
            Discard changes
          </button>
        </div>
      </form>
    </>
  );
}
