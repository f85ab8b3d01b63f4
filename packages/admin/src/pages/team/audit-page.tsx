import type { AuditEntry } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { auditCsv, auditLog } from '../../api/team.js';
import { download } from '../../models/csv.js';
import { project } from '../../models/session.js';
import { TeamTable } from './team-table.js';

/** What each action means, in words a product manager reads. */
const ACTIONS: Record<string, string> = {
  'sign-in': 'Signed in',
  'sign-in.failed': 'Failed sign-in',
  'prompt.create': 'Created',
  'prompt.save': 'Saved',
  'prompt.publish': 'Published',
  'prompt.archive': 'Archived',
  'prompt.rollback': 'Rolled back',
  'announcement.create': 'Created',
  'announcement.save': 'Saved',
  'announcement.publish': 'Published',
  'announcement.archive': 'Archived',
  'announcement.delete': 'Deleted',
  'settings.change': 'Changed settings',
  'secret-key.rotate': 'Rotated the secret key',
  'secret-key.finish-rotation': 'Retired the old secret key',
  'webhook-secret.rotate': 'Rotated a webhook secret',
  'webhook-secret.finish-rotation': 'Retired an old webhook secret',
  'rewards-program.save': 'Saved the rewards program',
  'user.delete': "Deleted a user's data",
  'invite.create': 'Invited',
  'invite.accept': 'Accepted an invitation',
  'invite.withdraw': 'Withdrew an invitation',
  'member.role': 'Changed a role',
  'member.remove': 'Removed a member',
  'session.revoke': 'Revoked a session',
};

/** The audit log (owners): who did what and when, newest first, with the server's CSV export. */
export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [message, setMessage] = useState('');
  const load = async (before?: string) => {
    try {
      const page = (await auditLog(before)).entries;
      setEntries((current) => (before ? [...current, ...page] : page));
      setMore(page.length === 100);
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };
  useEffect(() => void load(), []);
  const exportCsv = async () => download(`${project.value?.id ?? 'project'}-audit-log.csv`, await auditCsv());

  return (
    <>
      <div class="page-head">
        <h1>Audit log</h1>
      </div>
      <p role="status" class="message">
        {message}
      </p>
      <TeamTable
        caption={
          <>
            Who did what in {project.value?.name}, newest first (sign-ins are collector-wide){' '}
            <button type="button" class="secondary" onClick={() => void exportCsv()}>
              Export CSV
            </button>
          </>
        }
        columns={['When', 'Who', 'Action', 'Target', 'Version']}
        rows={entries}
        rowKey={(e) => e.id}
        cells={(e) => [new Date(e.at).toLocaleString(), e.actor, ACTIONS[e.action] ?? e.action, e.target ?? '—', e.version ?? '—']}
      />
      {more && (
        <button type="button" class="secondary" onClick={() => void load(entries.at(-1)?.id)}>
          Older entries
        </button>
      )}
    </>
  );
}
