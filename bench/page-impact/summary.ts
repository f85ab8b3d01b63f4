import type { Table, TargetCheck } from '../lib/report.js';
import { median, round } from '../lib/stats.js';
import { clickCostMs, type FeedResult } from './feed.js';
import type { HeapCyclesResult } from './heap-cycles.js';
import type { LoadMetrics } from './measure-load.js';

export interface PageImpactRuns {
  with: LoadMetrics[];
  without: LoadMetrics[];
  hearthSelfMs: number[];
  chromium: string;
}

type NumericKey = { [K in keyof LoadMetrics]: LoadMetrics[K] extends number ? K : never }[keyof LoadMetrics];

const med = (runs: readonly LoadMetrics[], key: NumericKey) => median(runs.map((r) => r[key]));
const ms = (value: number) => `${round(value, 1)} ms`;

/** One row comparing the two variants; the last column is Hearth's part (difference of medians). */
function compareRow(label: string, runs: PageImpactRuns, key: NumericKey, unit: (v: number) => string, target: string): string[] {
  const without = med(runs.without, key);
  const withHearth = med(runs.with, key);
  return [label, unit(without), unit(withHearth), unit(withHearth - without), target];
}

/** Retained-heap growth allowed over all cycles: 1 KiB per open/close, i.e. no real leak. */
const HEAP_GROWTH_TOLERANCE_KIB_PER_CYCLE = 1;

function heapRow(heap: HeapCyclesResult): string[] {
  if (!heap.measured) return ['retained JS heap growth after open/close cycles', '—', `not measured: ${heap.reason}`, '—', 'no growth'];
  return [
    `retained JS heap growth after ${heap.cycles} open/close cycles`,
    '—',
    `${round(heap.baselineKiB)} → ${round(heap.afterKiB)} KiB`,
    `${round(heap.growthKiB, 1)} KiB`,
    `no growth (< ${HEAP_GROWTH_TOLERANCE_KIB_PER_CYCLE} KiB/cycle)`,
  ];
}

/** Per interaction with the announcement feed: Event Timing duration, and no long frame of ours. */
const INTERACTION_TARGET_MS = 50;

type MeasuredFeed = Extract<FeedResult, { measured: true }>;

/** The worst thing a user waits for in the feed: a click's next paint, or a frame Hearth's script ran in after it. */
const feedWorstMs = (feed: MeasuredFeed) => Math.max(0, ...feed.clicks.map(clickCostMs), feed.deepLink.longestHearthFrameMs);

/** "more ×99: median 16 ms, worst 24 ms" per kind of click, in the order they were made. */
function clicksByAction(feed: MeasuredFeed): string {
  const actions = [...new Set(feed.clicks.map((c) => c.action))];
  return actions
    .map((action) => {
      const costs = feed.clicks.filter((c) => c.action === action).map(clickCostMs);
      return costs.length === 1
        ? `${action} ${ms(costs[0]!)}`
        : `${action} ×${costs.length} median ${ms(median(costs))}, worst ${ms(Math.max(...costs))}`;
    })
    .join('; ');
}

function feedRow(feed: FeedResult): string[] {
  const label = 'announcement feed with 1,000 items: worst interaction';
  if (!feed.measured) return [label, '—', `not measured: ${feed.reason}`, '—', `< ${INTERACTION_TARGET_MS} ms`];
  const { deepLink } = feed;
  const link = deepLink.focused
    ? `deep link to the oldest item focused after ${ms(deepLink.ms)}, longest frame with Hearth script ${ms(deepLink.longestHearthFrameMs)}, longest task ${ms(deepLink.longestTaskCpuMs)} CPU`
    : 'deep link to the oldest item: not focused';
  const cpu = feed.clicks.map((c) => c.taskCpuMs);
  const tasks = `longest main-thread task per click, CPU time: median ${ms(median(cpu))}, worst ${ms(Math.max(...cpu))}`;
  return [
    label,
    '—',
    `${ms(feedWorstMs(feed))} over ${feed.clicks.length} clicks, ${feed.itemsShown} items shown (${clicksByAction(feed)}); ${tasks}; ${link}`,
    '—',
    `< ${INTERACTION_TARGET_MS} ms`,
  ];
}

export function pageImpactTable(runs: PageImpactRuns, heap: HeapCyclesResult, feed: FeedResult, notes: string[]): Table {
  const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  const ready = present(runs.with.map((r) => r.readyMs));
  const widget = present(runs.with.map((r) => r.widgetMs));
  const shift = (v: number) => String(round(v, 4));
  return {
    title: `Page impact (demo host page, ${runs.with.length} loads per variant, medians, ${runs.chromium})`,
    columns: ['measure', 'without Hearth', 'with Hearth', 'Hearth (difference)', 'target'],
    rows: [
      ['script tag → Hearth ready', '—', ready.length ? ms(median(ready)) : 'not measured', '—', 'report'],
      [
        'script tag → first widget painted',
        '—',
        widget.length ? `${ms(median(widget))} (${widget.length}/${runs.with.length} loads)` : 'no widget shown on this page',
        '—',
        'report',
      ],
      compareRow('main-thread script time (CDP ScriptDuration)', runs, 'scriptMs', ms, 'small'),
      compareRow('main-thread task time (CDP TaskDuration)', runs, 'taskMs', ms, 'small'),
      [
        'JS self time in Hearth files (CPU profile)',
        '—',
        runs.hearthSelfMs.length ? ms(median(runs.hearthSelfMs)) : 'not measured',
        '—',
        'small',
      ],
      compareRow('long tasks > 50 ms (count)', runs, 'longTasks', String, 'none from Hearth'),
      compareRow('Hearth script time inside long frames', runs, 'hearthLongFrameScriptMs', ms, '0 ms'),
      compareRow('cumulative layout shift', runs, 'layoutShift', shift, '0 from Hearth'),
      compareRow('Hearth bytes downloaded (body bytes on the wire)', runs, 'sdkBytes', String, 'see size budgets'),
      compareRow('JS heap after load (MiB)', runs, 'jsHeapMiB', (v) => String(round(v, 2)), 'report'),
      heapRow(heap),
      feedRow(feed),
    ],
    notes,
  };
}

export function pageImpactChecks(runs: PageImpactRuns, heap: HeapCyclesResult, feed: FeedResult): TargetCheck[] {
  const maxHearthLoaf = Math.max(...runs.with.map((r) => r.hearthLongFrameScriptMs));
  const longTaskDelta = med(runs.with, 'longTasks') - med(runs.without, 'longTasks');
  const shiftDelta = med(runs.with, 'layoutShift') - med(runs.without, 'layoutShift');
  return [
    {
      // Judged on attribution (LoAF names the scripts that ran in each long frame); the count
      // difference is shown too, but on shared cores it also counts unrelated stalls.
      target: 'no long tasks (> 50 ms) caused by Hearth',
      measured: `Hearth script time in long frames: max ${round(maxHearthLoaf, 1)} ms over ${runs.with.length} loads; long-task count difference (medians): ${longTaskDelta}`,
      met: maxHearthLoaf === 0,
    },
    {
      target: 'layout shift caused by Hearth = 0',
      measured: `CLS difference ${round(shiftDelta, 4)} (median with − median without)`,
      met: shiftDelta <= 0,
    },
    heap.measured
      ? {
          target: 'no JS heap growth after opening and closing a widget',
          measured: `${round(heap.growthKiB, 1)} KiB after ${heap.cycles} cycles`,
          met: heap.growthKiB < HEAP_GROWTH_TOLERANCE_KIB_PER_CYCLE * heap.cycles,
        }
      : { target: 'no JS heap growth after opening and closing a widget', measured: heap.reason, met: null },
    feed.measured
      ? {
          target: `announcement feed with 1,000 items: each interaction < ${INTERACTION_TARGET_MS} ms`,
          measured: `worst ${round(feedWorstMs(feed), 1)} ms over ${feed.clicks.length} clicks (${feed.itemsShown} items shown)`,
          met: feedWorstMs(feed) < INTERACTION_TARGET_MS,
        }
      : { target: `announcement feed with 1,000 items: each interaction < ${INTERACTION_TARGET_MS} ms`, measured: feed.reason, met: null },
  ];
}
