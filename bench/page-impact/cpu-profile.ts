import type { Browser } from '@playwright/test';
import type { HostStack } from './host.js';
import { openHostPage, SETTLE_MS, waitForHearthReady, waitForWidget } from './open-page.js';

interface ProfileNode {
  id: number;
  callFrame: { url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

const SAMPLING_INTERVAL_US = 100;

/**
 * Main-thread JavaScript time spent in Hearth's own files: a V8 sampling profile (0.1 ms
 * interval) of one page load, summing the samples whose running function is defined in a file
 * under the collector's /sdk/ (the core and its lazy chunks). It leaves out script compilation,
 * which V8 does not attribute to a file; the ScriptDuration difference covers that.
 */
export async function hearthSelfTimeMs(browser: Browser, stack: HostStack): Promise<number> {
  const { context, page } = await openHostPage(browser, stack, 'with');
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await page.goto(stack.pageUrl, { waitUntil: 'load' });
    await waitForHearthReady(page);
    await waitForWidget(page);
    await page.waitForTimeout(SETTLE_MS);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const hearthNodes = new Set(profile.nodes.filter((n) => n.callFrame.url.startsWith(stack.sdkUrl)).map((n) => n.id));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    let micros = 0;
    // timeDeltas[i] is the time before sample i, so sample i ran for timeDeltas[i + 1].
    for (let i = 0; i < samples.length - 1; i++) {
      if (hearthNodes.has(samples[i]!)) micros += deltas[i + 1] ?? 0;
    }
    return micros / 1000;
  } finally {
    await context.close();
  }
}
