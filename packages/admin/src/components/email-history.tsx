import type { EmailKpis, EmailSend } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { emailKpis, emailSends } from '../api/email.js';
import { comparisonText, groupText } from '../models/comparison.js';
import type { Column } from '../models/csv.js';
import { KpiTiles } from '../pages/dashboard/kpi-tiles.js';
import { DataTable } from './data-table.js';
import { EmptyState } from './empty-state.js';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : null);
const flags = (send: EmailSend) =>
  [send.clicked && 'clicked', send.bounced && 'bounced', send.unsubscribed && 'unsubscribed'].filter(Boolean).join(', ') || null;

const SEND_COLUMNS: Column<EmailSend>[] = [
  { header: 'User', value: (s) => s.userId },
  { header: 'Status', value: (s) => s.status },
  { header: 'To', value: (s) => s.to },
  { header: 'Planned', value: (s) => when(s.createdAt) },
  { header: 'Sent', value: (s) => when(s.sentAt) },
  { header: 'Attempts', value: (s) => s.attempts },
  { header: 'Then', value: flags },
  { header: 'Last error', value: (s) => s.error },
];

/** The figures, then the uplift against the holdout with its interval, sizes and, when they are too small, why to distrust it. */
function EmailKpisView({ kpis }: { kpis: EmailKpis }) {
  const uplift = comparisonText(kpis.uplift, 'pts');
  return (
    <>
      <KpiTiles
        label="Email figures"
        tiles={[
          { label: 'Sent', value: String(kpis.sent), detail: `${kpis.queued} still queued, ${kpis.failed} failed` },
          { label: 'Delivered', value: String(kpis.delivered), detail: 'accepted by the mail relay' },
          { label: 'Bounced', value: String(kpis.bounced) },
          { label: 'Unsubscribed', value: String(kpis.unsubscribed) },
          { label: 'Clicked', value: String(kpis.clicked), detail: 'followed a link at least once' },
          { label: 'Reactivated within 7 days', value: String(kpis.reactivated), detail: `of ${kpis.delivered} delivered` },
        ]}
      />
      <h3>Reactivation against the holdout</h3>
      <dl class="figures" data-testid="email-uplift">
        <dt>Uplift</dt>
        <dd>
          {uplift.difference} ({uplift.verdict})
        </dd>
        <dt>95 % interval</dt>
        <dd>{uplift.interval}</dd>
        <dt>Sent the message</dt>
        <dd>{groupText(kpis.uplift.exposed, '%')} reactivated</dd>
        <dt>Holdout (not sent)</dt>
        <dd>{groupText(kpis.uplift.control, '%')} reactivated</dd>
      </dl>
      {kpis.uplift.warning && (
        <p class="warning" role="note">
          {kpis.uplift.warning}
        </p>
      )}
    </>
  );
}

/** A saved message's figures and its latest sends with their status. */
export function EmailHistory({ messageId }: { messageId: string }) {
  const [kpis, setKpis] = useState<EmailKpis | null>(null);
  const [sends, setSends] = useState<EmailSend[] | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    Promise.all([emailKpis(messageId), emailSends(messageId)]).then(
      ([figures, rows]) => (setKpis(figures), setSends(rows)),
      (error: Error) => setFailure(error.message),
    );
  }, [messageId]);
  return (
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">Figures and history</h2>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      {!failure && !kpis && <p aria-busy="true">Loading figures…</p>}
      {kpis && <EmailKpisView kpis={kpis} />}
      {sends?.length === 0 && (
        <EmptyState level={3} title="Nothing sent yet">
          Once the message is live, each email round plans it for the users its rule picks; every send shows here.
        </EmptyState>
      )}
      {sends && sends.length > 0 && (
        <DataTable caption="Latest sends" rows={sends} columns={SEND_COLUMNS} exportName={`${messageId}-sends`} />
      )}
    </section>
  );
}
