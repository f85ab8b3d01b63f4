import { useEffect, useState } from 'preact/hooks';
import { getSettings, type ProjectSettings } from '../api/settings.js';
import { projectId } from '../models/session.js';

const list = (values: readonly string[], none: string) => (values.length ? values.join(', ') : none);

/** The project's settings as configured in hearth.config.json; read-only in the console. */
export function SettingsPage() {
  const [settings, setSettings] = useState<ProjectSettings | null>(null);
  const [error, setError] = useState('');
  useEffect(() => void getSettings().then(setSettings, (failure: Error) => setError(failure.message)), [projectId.value]);
  if (!settings) return error ? <p class="error" role="alert">{error}</p> : <p aria-busy="true">Loading settings…</p>;
  const { fatigue, keys } = settings;
  const rows: [string, string][] = [
    ['Project', `${settings.project.name} (${settings.project.id})`],
    ['Theme', 'Widget defaults; hosts override with --hearth-* CSS properties (no project theme setting yet)'],
    ['Locales in use', list(settings.locales, 'none yet')],
    ['Inactivity threshold', `${settings.inactivityDays} days without activity count as churned`],
    ['Fatigue budget', `${fatigue.maxInterruptingPerDay} interrupting prompt(s) per user per 24 h${fatigue.maxInterruptingPerWeek === undefined ? '' : `, ${fatigue.maxInterruptingPerWeek} per 7 days`}`],
    ['Allowed origins', list(settings.allowedOrigins, 'none (browsers are refused)')],
    ['Identity verification', settings.identityVerification.enforce ? 'enforced: identified calls need a valid userToken' : 'not enforced'],
    ['Global Privacy Control', settings.respectGlobalPrivacyControl ? 'respected as consent denied' : 'ignored'],
    ['Public key', keys.publicKey],
    ['Secret keys', `${list(keys.secretKeyFingerprints, 'none')}${keys.rotating ? ' (two active: rotation in progress)' : ''}`],
  ];
  return (
    <>
      <h1>Project settings</h1>
      <p class="hint">Read-only: these come from hearth.config.json. Change the file and restart the collector to edit them. Secrets are shown only as fingerprints.</p>
      <table>
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Webhooks</h2>
      {settings.webhooks.length === 0 ? (
        <p class="hint">No webhooks. Add one under webhooks in hearth.config.json to receive survey responses.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Survey responses</th>
              <th scope="col">Secrets</th>
            </tr>
          </thead>
          <tbody>
            {settings.webhooks.map((hook) => (
              <tr key={hook.url}>
                <td>{hook.url}</td>
                <td>{hook.surveyResponses}{hook.surveyIds ? ` (${hook.surveyIds.join(', ')})` : ''}</td>
                <td>{hook.secretFingerprints.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
