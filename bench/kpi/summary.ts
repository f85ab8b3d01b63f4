import { integer } from '../lib/format.js';
import type { Table, TargetCheck } from '../lib/report.js';
import { round } from '../lib/stats.js';
import type { LoadStats } from './load.js';
import { storeLabels, type KpiStoreKind } from './stores.js';
import type { EndpointOutcome } from './isolated.js';

export interface StoreResult {
  store: KpiStoreKind;
  load: LoadStats;
  timings: EndpointOutcome[];
}

const ms = (value: number) => (value >= 100 ? integer(value) : String(round(value, 1)));

/** Cold and warm, or the limit a runaway query was stopped at (counted as that long). */
const coldOf = (t: EndpointOutcome) => ('coldMs' in t ? t.coldMs : t.timedOutAfterMs);
const warmOf = (t: EndpointOutcome) => ('warmMs' in t ? t.warmMs : t.timedOutAfterMs);

function metLabel(t: EndpointOutcome, targetMs: number): string {
  if (!('coldMs' in t)) return 'NO';
  if (t.coldMs <= targetMs && t.warmMs <= targetMs) return 'yes';
  return t.warmMs <= targetMs ? 'warm only' : 'NO';
}

export function timingTable(results: readonly StoreResult[], targetMs: number, warmRuns: number, notes: readonly string[]): Table {
  return {
    title: `KPI endpoints (createApp().request() with the secret key, cold = first call on a fresh store once ready, warm = median of ${warmRuns})`,
    columns: ['endpoint', 'store', 'cold ms', 'warm ms', 'target', 'met', 'answer (sample)'],
    rows: results.flatMap(({ store, timings }) =>
      timings.map((t) =>
        'coldMs' in t
          ? [t.label, storeLabels[store], ms(t.coldMs), ms(t.warmMs), `≤ ${targetMs} ms`, metLabel(t, targetMs), t.sample]
          : [
              t.label,
              storeLabels[store],
              `> ${integer(t.timedOutAfterMs)}`,
              '—',
              `≤ ${targetMs} ms`,
              'NO',
              'stopped: no answer within the limit',
            ],
      ),
    ),
    notes: [...notes],
  };
}

export function loadTable(results: readonly StoreResult[], users: number, days: number): Table {
  return {
    title: `KPI data set (${integer(users)} users, ${days} days, loaded through the store's write paths)`,
    columns: [
      'store',
      'events',
      'NPS responses',
      'ledger entries (redemptions)',
      'accounts',
      'revenue facts',
      'events load s',
      'events/s',
      'responses + ledger s',
      'accounts + revenue s',
      'rollup catch-up s',
      'total s',
    ],
    rows: results.map(({ store, load }) => [
      storeLabels[store],
      integer(load.events),
      integer(load.responses),
      `${integer(load.ledgerEntries)} (${integer(load.redemptions)})`,
      integer(load.accounts),
      integer(load.revenueFacts),
      String(round(load.seconds.events, 1)),
      integer(load.eventsPerSecond),
      String(round(load.seconds.responsesAndLedger, 1)),
      String(round(load.seconds.accountsAndRevenue, 1)),
      String(round(load.seconds.rollups, 1)),
      String(round(load.seconds.total, 1)),
    ]),
  };
}

/** One check per store: every endpoint within the target, cold and warm. */
export function kpiChecks(results: readonly StoreResult[], targetMs: number, events: number): TargetCheck[] {
  return results.map(({ store, timings }) => {
    const slow = timings.filter((t) => coldOf(t) > targetMs || warmOf(t) > targetMs);
    const worst = [...timings].sort((a, b) => Math.max(coldOf(b), warmOf(b)) - Math.max(coldOf(a), warmOf(a)))[0];
    const measured = worst
      ? `${timings.length - slow.length} of ${timings.length} within; slowest ${worst.label}: ${'coldMs' in worst ? `cold ${ms(worst.coldMs)} ms, warm ${ms(worst.warmMs)} ms` : `no answer in ${integer(worst.timedOutAfterMs)} ms`}`
      : 'no endpoint timed';
    return {
      target: `${store}: each KPI endpoint ≤ ${targetMs} ms cold and warm at ${integer(events)} events`,
      measured,
      met: worst ? slow.length === 0 : null,
    };
  });
}
