import type { LedgerEntry, SurveyAnswer, UserDetail, UserEvent } from '../../api/users.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import type { Column } from '../../models/csv.js';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : null);
const json = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

const eventColumns: Column<UserEvent>[] = [
  { header: 'Time', value: (e) => when(e.timestamp) },
  { header: 'Event', value: (e) => e.name ?? e.type },
  { header: 'Page', value: (e) => e.context?.path ?? null },
  { header: 'Properties', value: (e) => (Object.keys(e.properties).length ? json(e.properties) : null) },
  { header: 'Verified', value: (e) => (e.verified ? 'yes' : 'no') },
];
const answerColumns: Column<SurveyAnswer>[] = [
  { header: 'Survey', value: (r) => r.surveyId },
  { header: 'Cycle', value: (r) => r.cycle },
  { header: 'Answer', value: (r) => r.answer.score ?? (r.answer.scores ? json(r.answer.scores) : null) },
  { header: 'Comment', value: (r) => r.comment },
  { header: 'Answered', value: (r) => when(r.answeredAt) },
];
const ledgerColumns: Column<LedgerEntry>[] = [
  { header: 'Time', value: (e) => when(e.at) },
  { header: 'Points', value: (e) => e.amount },
  { header: 'Reason', value: (e) => e.reason },
  { header: 'Rule', value: (e) => e.ruleId },
];

/** One person's data, a panel per kind, each table exportable as CSV like every console table. */
export function UserSections({ detail }: { detail: UserDetail }) {
  const { user, points } = detail;
  const file = (what: string) => `${user.userId}-${what}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return (
    <div class="user-sections">
      <section class="panel" aria-labelledby="traits-heading">
        <h2 id="traits-heading">Traits</h2>
        <dl class="traits">
          {Object.entries(user.traits).map(([key, value]) => [<dt key={`${key}-k`}>{key}</dt>, <dd key={`${key}-v`}>{json(value)}</dd>])}
          <dt>First seen</dt>
          <dd>{when(user.firstSeen)}</dd>
          <dt>Last seen</dt>
          <dd>{when(user.lastSeen)}</dd>
          <dt>Anonymous ids</dt>
          <dd>{user.anonymousIds.join(', ') || '—'}</dd>
        </dl>
      </section>
      <section class="panel" aria-labelledby="events-heading">
        <h2 id="events-heading">Recent events</h2>
        {detail.recentEvents.length ? (
          <DataTable
            caption="The last 50 events, newest first"
            rows={detail.recentEvents}
            columns={eventColumns}
            exportName={file('events')}
          />
        ) : (
          <EmptyState title="No events">Nothing was tracked for this user yet.</EmptyState>
        )}
      </section>
      <section class="panel" aria-labelledby="checklists-heading">
        <h2 id="checklists-heading">Checklist progress</h2>
        {detail.checklists.length ? (
          detail.checklists.map((checklist) => (
            <div key={checklist.promptId}>
              <h3>
                {checklist.title} — {checklist.done} of {checklist.total} done{checklist.complete ? ' (complete)' : ''}
              </h3>
              <ul>
                {checklist.items.map((item) => (
                  <li key={item.id}>
                    {item.done ? '✓ ' : item.skipped ? '– ' : '○ '}
                    {item.title}
                    {item.done && item.doneAt ? ` (${when(item.doneAt)})` : item.skipped ? ' (skipped)' : item.done ? '' : ' (not done)'}
                  </li>
                ))}
              </ul>
            </div>
          ))
        ) : (
          <EmptyState title="No checklists">The project has no active checklist.</EmptyState>
        )}
      </section>
      <section class="panel" aria-labelledby="answers-heading">
        <h2 id="answers-heading">Survey answers</h2>
        {detail.surveyResponses.length ? (
          <DataTable caption="Survey answers" rows={detail.surveyResponses} columns={answerColumns} exportName={file('answers')} />
        ) : (
          <EmptyState title="No answers">This user has not answered a survey.</EmptyState>
        )}
      </section>
      <section class="panel" aria-labelledby="points-heading">
        <h2 id="points-heading">Points</h2>
        <p class="big-figure">
          Balance <strong>{points.balance}</strong> · lifetime {points.lifetime} · {points.redemptions.length} redemption
          {points.redemptions.length === 1 ? '' : 's'}
        </p>
        {points.ledger.length ? (
          <DataTable caption="Ledger, newest first (last 50)" rows={points.ledger} columns={ledgerColumns} exportName={file('ledger')} />
        ) : (
          <EmptyState title="No points">No ledger entries for this user.</EmptyState>
        )}
      </section>
    </div>
  );
}
