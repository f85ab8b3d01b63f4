import { useEffect, useMemo, useState } from 'preact/hooks';
import { eraseUser, exportUser, getUser, type UserDetail } from '../../api/users.js';
import { EmptyState } from '../../components/empty-state.js';
import { download } from '../../models/csv.js';
import { createUserPrivacy } from '../../models/user-privacy.js';
import { ConsoleLink } from '../../shell/console-link.js';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.js';
import { UserSections } from './user-sections.js';
import './users.css';

const saveJson = (filename: string, text: string) => download(filename, text, 'application/json');

/** One user: everything Hearth holds, Export JSON, and Delete (with a typed confirmation). */
export function UserDetailPage({ userId }: { userId: string }) {
  const [detail, setDetail] = useState<UserDetail | null | undefined>(undefined);
  const [error, setError] = useState('');
  const privacy = useMemo(() => createUserPrivacy(userId, { exportUser, eraseUser }, saveJson), [userId]);
  useEffect(() => {
    getUser(userId).then(setDetail, (failure: Error & { status?: number }) =>
      failure.status === 404 ? setDetail(null) : setError(failure.message),
    );
  }, [userId]);

  const back = <ConsoleLink to="users">Back to users</ConsoleLink>;
  return (
    <>
      <h1>User {userId}</h1>
      <p>{back}</p>
      <p role="status" class="message">
        {privacy.message.value}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {privacy.deleted.value || detail === null ? (
        <EmptyState level={2} title="No data held">
          Hearth holds nothing about {userId} (never identified, or deleted). If their app keeps sending events, they reappear.
        </EmptyState>
      ) : detail === undefined ? (
        <p aria-busy="true">Loading {userId}…</p>
      ) : (
        <>
          <div class="actions">
            <button type="button" onClick={() => void privacy.exportJson()} disabled={privacy.busy.value}>
              Export JSON
            </button>
            <button type="button" class="danger" onClick={() => privacy.askToDelete()} disabled={privacy.busy.value}>
              Delete user…
            </button>
          </div>
          {privacy.error.value && !privacy.confirming.value && (
            <p class="error" role="alert">
              {privacy.error.value}
            </p>
          )}
          <UserSections detail={detail} />
        </>
      )}
      {privacy.confirming.value && <ConfirmDeleteDialog userId={userId} privacy={privacy} />}
    </>
  );
}
