import type { EmailKpis } from '@hearth/schema';
import { proportionDifference } from '../../kpi/stats/two-proportions.js';
import type { SendKpiRow } from '../../storage/email/email-store.js';

/** Below this many users in either group the uplift's interval is not shown. */
export const MIN_UPLIFT_GROUP = 30;

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
    uplift: proportionDifference(reactivated, delivered.length, holdoutReactivated, holdout.length, MIN_UPLIFT_GROUP),
  };
}
