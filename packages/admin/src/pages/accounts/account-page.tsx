import { useEffect, useState } from 'preact/hooks';
import { getAccount, type AccountPageDetail, type AccountRevenueFact } from '../../api/accounts.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import type { Column } from '../../models/csv.js';
import { formatMoney } from '../../models/money.js';
import { ConsoleLink } from '../../shell/console-link.js';
import '../users/users.css';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : null);
const userRoute = (userId: string) => `users/${encodeURIComponent(userId)}`;

const factColumns = (currency: string): Column<AccountRevenueFact>[] => [
  { header: 'Date', value: (f) => when(f.occurredAt) },
  { header: 'Fact', value: (f) => f.type.replace(/_/g, ' ') },
  { header: 'Amount', value: (f) => (f.type === 'subscription_cancelled' ? null : formatMoney(f.amount, currency)) },
  { header: 'Every', value: (f) => f.interval },
  { header: 'Subscription', value: (f) => f.subscriptionId },
  { header: 'Id', value: (f) => f.id },
];

/** One account: traits, members, revenue (MRR and facts), its members' NPS and points. */
export function AccountPage({ accountId }: { accountId: string }) {
  const [detail, setDetail] = useState<AccountPageDetail | null | undefined>(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    getAccount(accountId).then(setDetail, (failure: Error & { status?: number }) =>
      failure.status === 404 ? setDetail(null) : setError(failure.message),
    );
  }, [accountId]);
  return (
    <>
      <h1>Account {accountId}</h1>
      <p>
        <ConsoleLink to="accounts">Back to accounts</ConsoleLink>
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {detail === null ? (
        <EmptyState level={2} title="No such account">
          Hearth holds no account {accountId}.
        </EmptyState>
      ) : detail === undefined ? (
        !error && <p aria-busy="true">Loading {accountId}…</p>
      ) : (
        <AccountSections detail={detail} />
      )}
    </>
  );
}

function AccountSections({ detail }: { detail: AccountPageDetail }) {
  const file = (what: string) => `${detail.accountId}-${what}`.replace(/[^A-Za-z0-9._-]/g, '_');
  const { revenue, nps, points } = detail;
  return (
    <div class="user-sections">
      <section class="panel" aria-labelledby="traits-heading">
        <h2 id="traits-heading">Traits</h2>
        <dl class="traits">
          {Object.entries(detail.traits).map(([key, value]) => [
            <dt key={`${key}-k`}>{key}</dt>,
            <dd key={`${key}-v`}>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>,
          ])}
          <dt>Created</dt>
          <dd>{when(detail.createdAt)}</dd>
          <dt>Last active</dt>
          <dd>{when(detail.lastActiveAt) ?? '—'}</dd>
        </dl>
      </section>
      <section class="panel" aria-labelledby="revenue-heading">
        <h2 id="revenue-heading">Revenue</h2>
        {revenue === null ? (
          <EmptyState title="No revenue recorded">The project records no revenue; see Settings.</EmptyState>
        ) : (
          <>
            <p class="big-figure">
              MRR <strong data-testid="account-mrr">{revenue.mrr === null ? '—' : formatMoney(revenue.mrr, revenue.currency)}</strong>
            </p>
            {revenue.facts.length ? (
              <DataTable
                caption="Revenue facts, newest first (last 50)"
                rows={revenue.facts}
                columns={factColumns(revenue.currency)}
                exportName={file('revenue')}
              />
            ) : (
              <EmptyState title="No revenue facts">Your backend or Stripe has sent nothing for this account.</EmptyState>
            )}
          </>
        )}
      </section>
      <section class="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {detail.memberList.length ? (
          <table>
            <caption>{detail.members === 1 ? '1 member' : `${detail.members} members`}</caption>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Joined</th>
                <th scope="col">Last made active</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {detail.memberList.map((m) => (
                <tr key={m.userId}>
                  <td>
                    <ConsoleLink to={userRoute(m.userId)}>{m.userId}</ConsoleLink>
                  </td>
                  <td>{when(m.joinedAt)}</td>
                  <td>{when(m.activeAt)}</td>
                  <td>{when(m.lastSeen) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <EmptyState title="No members">No user belongs to this account.</EmptyState>
        )}
      </section>
      <section class="panel" aria-labelledby="nps-heading">
        <h2 id="nps-heading">NPS of its members</h2>
        <p class="big-figure">
          {nps.score === null ? 'No NPS answers' : `NPS ${nps.score}`} · {nps.count} answer{nps.count === 1 ? '' : 's'}
        </p>
      </section>
      <section class="panel" aria-labelledby="points-heading">
        <h2 id="points-heading">Points</h2>
        <p class="big-figure">
          Members hold <strong>{points.balance}</strong> · earned {points.lifetime} in all
          {detail.truncated ? ' (the first 200 members)' : ''}
        </p>
      </section>
    </div>
  );
}
