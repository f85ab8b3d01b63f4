import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchConfig } from './lib/config.js';
import { runIfMain } from './lib/cli.js';
import type { BenchReport } from './lib/report.js';
import { repoRoot } from './lib/results.js';
import { launchChromium } from './page-impact/browser.js';
import { hearthSelfTimeMs } from './page-impact/cpu-profile.js';
import { measureFeed } from './page-impact/feed.js';
import { heapAfterCycles } from './page-impact/heap-cycles.js';
import { startHostStack } from './page-impact/host.js';
import { measureLoad, type LoadMetrics } from './page-impact/measure-load.js';
import { pageImpactChecks, pageImpactTable, type PageImpactRuns } from './page-impact/summary.js';

/** The feed target is stated for 1,000 announcements; "more" is clicked until all are shown. */
const FEED_ITEMS = 1_000;

const REQUIRED = ['packages/widget/dist/snippet.min.js', 'packages/widget/dist/hearth.js', 'packages/collector/src/index.ts'];

function notMeasured(reason: string): BenchReport {
  return {
    name: 'page-impact',
    tables: [{ title: 'Page impact', columns: ['measure', 'result'], rows: [['all', `not measured: ${reason}`]] }],
    checks: [
      { target: 'no long tasks (> 50 ms) caused by Hearth', measured: reason, met: null },
      { target: 'layout shift caused by Hearth = 0', measured: reason, met: null },
    ],
    data: { reason },
  };
}

export async function runPageImpact(): Promise<BenchReport> {
  const missing = REQUIRED.filter((file) => !existsSync(join(repoRoot, file)));
  if (missing.length) return notMeasured(`missing ${missing.join(', ')} (build the widget: pnpm build)`);

  const stack = await startHostStack();
  const browser = await launchChromium();
  try {
    const runs: PageImpactRuns = { with: [], without: [], hearthSelfMs: [], chromium: `Chromium ${browser.version()}` };
    // Alternate the variants so drift on the shared machine hits both alike.
    for (let i = 0; i < benchConfig.pageRuns; i++) {
      console.error(`page-impact: load ${i + 1}/${benchConfig.pageRuns}`);
      for (const variant of ['without', 'with'] as const) {
        const metrics: LoadMetrics = await measureLoad(browser, stack, variant);
        runs[variant].push(metrics);
      }
      runs.hearthSelfMs.push(await hearthSelfTimeMs(browser, stack));
    }
    // A failed leak check is reported in its row, not allowed to discard the loads measured above.
    const heap = await heapAfterCycles(browser, stack, benchConfig.heapCycles).catch((error: unknown) => ({
      measured: false as const,
      reason: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    }));
    // Last: the seeded announcements would put a bell on every page load measured above.
    const feed = await measureFeed(browser, stack, FEED_ITEMS).catch((error: unknown) => ({
      measured: false as const,
      reason: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    }));
    const fetched = [...new Set(runs.with.flatMap((r) => r.sdkRequests))];
    const notes = [
      `page: ${new URL(stack.pageUrl).pathname} of the demo app, signed in as ${stack.email}, fresh browser context per load`,
      `Hearth files fetched by the page: ${fetched.join(', ') || 'none'}; the "without" variant fetched none`,
    ];
    return {
      name: 'page-impact',
      tables: [pageImpactTable(runs, heap, feed, notes)],
      checks: pageImpactChecks(runs, heap, feed),
      data: { pageUrl: stack.pageUrl, runs, heap, feed, notes },
    };
  } finally {
    await browser.close();
    await stack.close();
  }
}

runIfMain(import.meta.url, 'npx tsx bench/page-impact.ts', runPageImpact);
