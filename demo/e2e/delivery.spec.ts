import { expect, expectAllStored, hearthKeys, newRun, openSignedInTabs, test, track, waitForHearth } from './delivery-fixtures.js';

/**
 * Delivery through a faulty network, in Chromium against the real collector: every scenario reports
 * stored against tracked and how often each event crossed the network (`[delivery]` lines).
 * Timings follow the SDK's: a closed tab's outbox is adopted 10 s after it closed, on a live tab's
 * 15 s heartbeat.
 */

test('an idle tab delivers what closed tabs left while the collector was unreachable, tracking nothing itself', async ({
  context,
  stack,
}) => {
  test.setTimeout(180_000);
  const run = newRun();
  const [idle, ...closing] = await openSignedInTabs(context, 3);
  stack.proxy.fail({ kind: 'unreachable' });
  for (const [n, tab] of closing.entries()) await track(tab, run, `t${n + 1}`, 300);
  // Each tab tries, fails and backs off; then both close with 300 events queued.
  await idle.waitForTimeout(1_500);
  for (const tab of closing) await tab.close();
  stack.proxy.fail({ kind: 'none' });
  // 600 events: one tab's outbox holds 500, so the last ones wait for a second round of adoption.
  await expectAllStored(stack, 'idle tab adopts 2 x 300 from closed tabs', run, 600, 90_000);
  expect(idle.isClosed()).toBe(false);
});

test('four tabs, two closed while the collector is unreachable: every event is stored once and closed tabs leave no keys', async ({
  context,
  stack,
}) => {
  test.setTimeout(300_000);
  const run = newRun();
  const tabs = await openSignedInTabs(context, 4);
  stack.proxy.fail({ kind: 'unreachable' });
  for (const [n, tab] of tabs.entries()) await track(tab, run, `t${n}`, 300);
  await tabs[0].waitForTimeout(1_500);
  for (const tab of tabs.slice(2)) await tab.close();
  // Down long enough for the live tabs to find the closed ones dead while nothing can be delivered.
  await tabs[0].waitForTimeout(30_000);
  stack.proxy.fail({ kind: 'none' });
  await expectAllStored(stack, '4 tabs x 300, 2 closed while unreachable', run, 1200, 180_000);
  const live = tabs[0];
  // Two open tabs: two heartbeats; the closed tabs' heartbeats and outboxes are gone.
  await expect
    .poll(async () =>
      (await hearthKeys(live))
        .filter((key) => /:(hb|ob):/.test(key))
        .map((key) => key.split(':')[2])
        .sort(),
    )
    .toEqual(['hb', 'hb']);
});

test('tabs opened and closed with nothing queued leave no heartbeat behind', async ({ context, stack }) => {
  test.setTimeout(120_000);
  const [live] = await openSignedInTabs(context, 1);
  const outboxes = async () => (await hearthKeys(live)).filter((key) => key.includes(':ob:')).length;
  for (let n = 0; n < 5; n++) {
    const tab = await context.newPage();
    await tab.goto('/projects');
    await waitForHearth(tab);
    // Everything this tab recorded (its page view) is delivered: it closes with an empty outbox.
    await expect.poll(outboxes).toBe(0);
    await tab.close();
  }
  const heartbeats = async () => (await hearthKeys(live)).filter((key) => key.includes(':hb:')).length;
  // A closed tab is dead 10 s after closing; the live tab sweeps every 15 s.
  await expect.poll(heartbeats, { timeout: 40_000, intervals: [1_000] }).toBe(1);
  console.log(`[delivery] ${JSON.stringify({ scenario: 'open and close 5 tabs', heartbeatsLeft: await heartbeats() })}`);
  expect(stack.proxy.batches.length).toBeGreaterThan(0);
});

test('429 with Retry-After under continuous tracking in two tabs: no batch before the not-before time', async ({ context, stack }) => {
  test.setTimeout(120_000);
  const run = newRun();
  const tabs = await openSignedInTabs(context, 2);
  const before = stack.proxy.batches.length;
  stack.proxy.fail({ kind: 'retry-after', status: 429, seconds: 5, times: 1 });
  // Each tab fills a batch (20 events) about every half second for 8 seconds.
  const steps = 32;
  for (let step = 0; step < steps; step++) {
    for (const [n, tab] of tabs.entries()) await track(tab, run, `t${n}`, 10, step * 10);
    await tabs[0].waitForTimeout(250);
  }
  const report = await expectAllStored(
    stack,
    '429 Retry-After: 5 under continuous tracking, 2 tabs',
    run,
    tabs.length * steps * 10,
    60_000,
  );
  const batches = stack.proxy.batches.slice(before);
  const refused = batches.find((batch) => batch.answer === 429);
  if (!refused) throw new Error('no batch was refused');
  // A request already on its way when the 429 left the proxy is not a violation; anything later is.
  const early = batches.filter((batch) => batch.at > refused.at + 200 && batch.at < refused.at + 5_000);
  const next = batches.find((batch) => batch.at > refused.at + 200);
  console.log(
    `[delivery] ${JSON.stringify({ scenario: report.scenario, batchesBeforeNotBefore: early.length, firstBatchAfter429Ms: next ? next.at - refused.at : null })}`,
  );
  expect(early, 'batches sent before the Retry-After delay was over').toEqual([]);
});

test('a navigation storm sends each event at most about twice', async ({ context, stack }) => {
  test.setTimeout(180_000);
  const run = newRun();
  const [page] = await openSignedInTabs(context, 1);
  const loads = 30;
  for (let n = 0; n < loads; n++) {
    await page.goto(n % 2 ? '/projects' : '/reports');
    await waitForHearth(page);
    await track(page, run, `load${n}`, 5);
    await page.waitForTimeout(300);
  }
  const report = await expectAllStored(stack, `navigation storm: ${loads} full loads, 5 events each`, run, loads * 5, 60_000);
  expect(report.sendsPerEvent).toBeLessThanOrEqual(2);
});
