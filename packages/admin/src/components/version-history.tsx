import { useEffect, useState } from 'preact/hooks';
import { listVersions, rollbackPrompt, type PromptVersion } from '../api/prompt-versions.js';
import type { PromptRecord } from '../api/prompts.js';

interface Props {
  record: PromptRecord;
  /** Called with the new current record after a rollback. */
  onRolledBack: (record: PromptRecord) => void;
}

/** Every saved version, newest first; rolling back saves an old one as a new version (status kept). */
export function VersionHistory({ record, onRolledBack }: Props) {
  const [versions, setVersions] = useState<PromptVersion[] | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    listVersions(record.prompt.id).then(
      (body) => setVersions(body.versions),
      (failure: Error) => setMessage(failure.message),
    );
  }, [record.prompt.id, record.version]);
  const rollback = async (version: number) => {
    try {
      const saved = await rollbackPrompt(record.prompt.id, version, record.version);
      setMessage(`Rolled back to version ${version}; saved as version ${saved.version}.`);
      onRolledBack(saved);
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };
  return (
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">Version history</h2>
      <p role="status" class="message">
        {message}
      </p>
      {versions === null ? (
        <p aria-busy="true">Loading versions…</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">By</th>
              <th scope="col">Status then</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{new Date(v.savedAt).toLocaleString()}</td>
                <td>{v.origin === 'config' ? 'config file' : 'console / API'}</td>
                <td>{v.prompt.status}</td>
                <td>
                  {v.version === record.version ? (
                    'current'
                  ) : (
                    <button type="button" class="secondary" onClick={() => void rollback(v.version)}>
                      Roll back to version {v.version}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
