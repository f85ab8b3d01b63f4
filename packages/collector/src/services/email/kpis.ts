import type { EmailKpis } from '@hearth/schema';
import { compareProportions } from '../../kpi/stats/index.js';
import type { SendKpiRow } from '../../storage/email/email-store.js';

/**
 * One message's figures (docs/reference/kpi-definitions.md): sent = handed to the relay at least
 * once, delivered = accepted by it, bounced = refused permanently or reported by a bounce notice,
 * reactivated = active within 7 days after the send; the uplift compares the delivered users'
 * reactivation with the holdout's.
 */
export function emailKpis(messageId: string, rows: readonly SendKpiRow[]): EmailKpis {
  const count = (keep: (row: SendKpiRow) => boolean) => rows.filter(keep).length;
  const delivered = rows.filter((r) => r.status === 'sent');
  const holdout = rows.filter((r) => r.status === 'holdout');
  const reactivated = count((r) => r.status === 'sent' && r.reactivated);
  const holdoutReactivated = count((r) => r.status === 'holdout' && r.reactivated);
  return {
    messageId,
    sent: count((r) => r.status === 'sent' || (r.status === 'failed' && r.attempts > 0)),
    delivered: delivered.length,
    bounced: count((r) => r.bounced),
    failed: count((r) => r.status === 'failed'),
    queued: count((r) => r.status === 'queued' || r.status === 'sending'),
    unsubscribed: count((r) => r.unsubscribed),
    clicked: count((r) => r.clicked),
    reactivated,
    holdout: holdout.length,
    holdoutReactivated,
    uplift: compareProportions(
      { n: delivered.length, successes: reactivated },
      { n: holdout.length, successes: holdoutReactivated },
      { exposed: 'the users sent the message', control: 'the holdout' },
    ),
  };
}
