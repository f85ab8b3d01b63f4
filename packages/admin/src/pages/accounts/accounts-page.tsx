import type { AccountSummary } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { listAccounts, type AccountListParams } from '../../api/accounts.js';
import { EmptyState } from '../../components/empty-state.js';
import { Field } from '../../components/field.js';
import { traitList } from '../../models/user-search.js';
import { ConsoleLink } from '../../shell/console-link.js';
import '../users/users.css';

export const accountRoute = (accountId: string) => `accounts/${encodeURIComponent(accountId)}`;
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Every account by id (a prefix narrows it), with members and last activity; each opens its page. */
export function AccountsPage() {
  const [prefix, setPrefix] = useState('');
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [nextAfter, setNextAfter] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const load = async (params: AccountListParams, append: boolean) => {
    try {
      const page = await listAccounts(params);
      const shown = append ? [...(accounts ?? []), ...page.accounts] : page.accounts;
      setAccounts(shown);
      setNextAfter(page.nextAfter);
      setMessage(`${shown.length} account${shown.length === 1 ? '' : 's'}${page.nextAfter ? ' (more available)' : ''}.`);
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };
  useEffect(() => void load({}, false), []);
  const query = () => (prefix.trim() ? { q: prefix.trim() } : {});
  return (
    <>
      <h1>Accounts</h1>
      <form
        class="filters"
        role="search"
        aria-label="Find accounts"
        onSubmit={(e) => {
          e.preventDefault();
          void load(query(), false);
        }}
      >
        <Field id="account-id" label="Account id starts with">
          {(aria) => <input {...aria} type="search" value={prefix} onInput={(e) => setPrefix(e.currentTarget.value)} />}
        </Field>
        <button type="submit">Search</button>
      </form>
      <p role="status" class="message">
        {message}
      </p>
      {accounts === null ? (
        <p aria-busy="true">Loading accounts…</p>
      ) : accounts.length === 0 ? (
        <EmptyState level={2} title="No accounts">
          Accounts appear once your backend sets one (server API or a signed group call).
        </EmptyState>
      ) : (
        <table>
          <caption>Accounts, by id</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Traits</th>
              <th scope="col">Members</th>
              <th scope="col">Last active</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.accountId}>
                <td>
                  <ConsoleLink to={accountRoute(account.accountId)}>{account.accountId}</ConsoleLink>
                </td>
                <td>{traitList(account.traits)}</td>
                <td>{account.members}</td>
                <td>{when(account.lastActiveAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextAfter && (
        <button type="button" class="secondary" onClick={() => void load({ ...query(), after: nextAfter }, true)}>
          Show more
        </button>
      )}
    </>
  );
}
