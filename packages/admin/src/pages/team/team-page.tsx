import type { ConsoleRole, ConsoleSession, InviteCreated, MemberList } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { changeRole, invite, listMembers, listSessions, removeMember, revokeSession, withdrawInvite } from '../../api/team.js';
import { TextField } from '../../components/field.js';
import { isOwner, project, session } from '../../models/session.js';
import { TeamTable } from './team-table.js';

const ROLES: ConsoleRole[] = ['owner', 'editor', 'viewer'];
const when = (iso: string) => new Date(iso).toLocaleString();

/** The one-time invitation link, shown once with a copy button. */
function InviteLink({ created, onDismiss }: { created: InviteCreated; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div class="panel secret-once" role="region" aria-label="Invitation link">
      <label for="invite-link">
        Invitation link for {created.invite.email} ({created.invite.role})
      </label>
      <div class="inline-form">
        <input id="invite-link" class="secret" readOnly value={created.link} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          onClick={() =>
            navigator.clipboard.writeText(created.link).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          Copy
        </button>
        <button type="button" class="secondary" onClick={onDismiss}>
          Done
        </button>
      </div>
      <p class="hint">
        Shown once: send it to {created.invite.email} yourself (Hearth sends no email). It works once, until{' '}
        {when(created.invite.expiresAt)}.
      </p>
      <p role="status" class="message">
        {copied ? 'Copied to the clipboard.' : ''}
      </p>
    </div>
  );
}

function InviteForm({ onCreated }: { onCreated: (created: InviteCreated) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ConsoleRole>('editor');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    try {
      onCreated(await invite(email, role));
      setEmail('');
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <TextField id="invite-email" label="Email" type="email" value={email} error={error || undefined} onInput={setEmail} />
      <div class="field">
        <label for="invite-role">Role</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as ConsoleRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Create invitation link</button>
    </form>
  );
}

/**
 * Team: the project's members with their roles, open invitations and (for owners) everyone's
 * open sessions. Viewers and editors see the list; owners change it.
 */
export function TeamPage() {
  const [team, setTeam] = useState<MemberList | null>(null);
  const [sessions, setSessions] = useState<ConsoleSession[]>([]);
  const [created, setCreated] = useState<InviteCreated | null>(null);
  const [message, setMessage] = useState('');
  const owner = isOwner.value;
  const me = session.value?.user.id;

  const reload = async () => {
    setTeam(await listMembers());
    if (owner) setSessions((await listSessions()).sessions);
  };
  useEffect(() => void reload().catch((e: Error) => setMessage(e.message)), []);

  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      await reload();
      setMessage(done);
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };

  return (
    <>
      <div class="page-head">
        <h1>Team</h1>
      </div>
      <p class="hint">
        People with a role in {project.value?.name}. Viewers can look; editors change prompts, settings and users' data; owners also manage
        keys, webhooks and people.
      </p>
      <p role="status" class="message">
        {message}
      </p>
      {owner && <InviteForm onCreated={(c) => (setCreated(c), void reload())} />}
      {created && <InviteLink created={created} onDismiss={() => setCreated(null)} />}
      <TeamTable
        caption="Members"
        columns={['Name', 'Email', 'Role', 'Since']}
        rows={team?.members ?? []}
        rowKey={(m) => m.userId}
        cells={(m) => [
          m.name,
          m.email,
          owner ? (
            <select
              aria-label={`Role of ${m.email}`}
              value={m.role}
              onChange={(e) =>
                void act(() => changeRole(m.userId, e.currentTarget.value as ConsoleRole), `${m.email} is now ${e.currentTarget.value}.`)
              }
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          ) : (
            m.role
          ),
          when(m.since),
        ]}
        action={
          owner
            ? (m) =>
                m.userId === me
                  ? null
                  : { label: 'Remove', subject: m.email, run: () => void act(() => removeMember(m.userId), `Removed ${m.email}.`) }
            : undefined
        }
      />
      {team && team.invites.length > 0 && (
        <TeamTable
          caption="Open invitations"
          columns={['Email', 'Role', 'Invited by', 'Expires']}
          rows={team.invites}
          rowKey={(i) => i.id}
          cells={(i) => [i.email, i.role, i.invitedBy, when(i.expiresAt)]}
          action={
            owner
              ? (i) => ({
                  label: 'Withdraw',
                  subject: `the invitation of ${i.email}`,
                  run: () => void act(() => withdrawInvite(i.id), `Withdrew the invitation of ${i.email}.`),
                })
              : undefined
          }
        />
      )}
      {owner && (
        <TeamTable
          caption="Open sessions"
          columns={['Email', 'Signed in', 'Expires']}
          rows={sessions}
          rowKey={(s) => s.id}
          cells={(s) => [s.email, when(s.createdAt), when(s.expiresAt)]}
          action={(s) =>
            s.current
              ? 'This session'
              : {
                  label: 'Revoke',
                  subject: `a session of ${s.email}`,
                  run: () => void act(() => revokeSession(s.id), `Revoked a session of ${s.email}.`),
                }
          }
        />
      )}
    </>
  );
}
