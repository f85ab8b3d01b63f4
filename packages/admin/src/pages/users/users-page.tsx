import { useMemo } from 'preact/hooks';
import { searchUsers } from '../../api/users.js';
import { EmptyState } from '../../components/empty-state.js';
import { Field } from '../../components/field.js';
import { createUserSearch, traitList } from '../../models/user-search.js';
import { ConsoleLink } from '../../shell/console-link.js';
import './users.css';

const userRoute = (userId: string) => `users/${encodeURIComponent(userId)}`;

/** Find a user by id prefix or by one trait; each result opens the user's page. */
export function UsersPage() {
  const model = useMemo(() => createUserSearch(searchUsers), []);
  const results = model.results.value;
  return (
    <>
      <h1>Users</h1>
      <form
        class="filters"
        role="search"
        aria-label="Find users"
        onSubmit={(e) => {
          e.preventDefault();
          void model.search();
        }}
      >
        <Field id="user-id" label="User id starts with">
          {(aria) => (
            <input {...aria} type="search" value={model.idPrefix.value} onInput={(e) => (model.idPrefix.value = e.currentTarget.value)} />
          )}
        </Field>
        <Field id="user-trait" label="Trait (key:value)" hint="e.g. plan:pro" error={model.traitError.value || undefined}>
          {(aria) => <input {...aria} value={model.trait.value} onInput={(e) => (model.trait.value = e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={model.busy.value}>
          Search
        </button>
      </form>
      <p role="status" class="message">
        {model.message.value}
      </p>
      {results === null ? (
        <EmptyState level={2} title="Find a person">
          Type the start of a user id, a trait such as plan:pro, or both, then Search. Leave both empty to list everyone.
        </EmptyState>
      ) : results.length === 0 ? (
        <EmptyState level={2} title="No users match">
          Users appear once the widget identifies them. Check the id's spelling, or search by a trait instead.
        </EmptyState>
      ) : (
        <table>
          <caption>Users, by id</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Traits</th>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {results.map((user) => (
              <tr key={user.userId}>
                <td>
                  <ConsoleLink to={userRoute(user.userId)}>{user.userId}</ConsoleLink>
                </td>
                <td>{traitList(user.traits)}</td>
                <td>{new Date(user.firstSeen).toLocaleString()}</td>
                <td>{new Date(user.lastSeen).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {model.nextCursor.value && (
        <button type="button" class="secondary" onClick={() => void model.more()}>
          Show more
        </button>
      )}
    </>
  );
}
