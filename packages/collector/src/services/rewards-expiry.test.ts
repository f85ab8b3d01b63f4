import { describe, expect, it, onTestFinished } from 'vitest';
import { parseConfig } from '../config.js';
import { DAY_MS } from '../domain/time.js';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';
import { NOW, testConfig } from '../test-support/http.js';
import { PROGRAM } from '../test-support/rewards-test-app.js';
import { JobWorker } from './job-worker.js';
import { ProjectRegistry } from './project-registry.js';
import { scheduleRewardsExpiry } from './rewards-expiry.js';

describe('rewards.expire, the daily job', () => {
  it("expires each project's old unspent points once a day, whichever collectors run it", async () => {
    const store = openSqliteStore(':memory:');
    onTestFinished(() => store.close());
    const projects = new ProjectRegistry(parseConfig(testConfig({ rewards: { ...PROGRAM, expiryMonths: 1 } })).projects);
    const entry = { projectId: 'acme', userId: 'ada', ruleId: null, reason: 'Welcome' };
    await store.rewards.append({ ...entry, id: 'old', amount: 100, at: NOW - 40 * DAY_MS });
    await store.rewards.append({ ...entry, id: 'new', amount: 30, at: NOW - DAY_MS });
    const workers = [1, 2].map(() => new JobWorker({ jobs: store.jobs, clock: () => NOW, log: () => undefined }));
    for (const worker of workers) scheduleRewardsExpiry(worker, { projects, rewards: store.rewards, clock: () => NOW });
    for (const worker of workers) worker.start();
    const day = new Date(Math.floor(NOW / DAY_MS) * DAY_MS).toISOString();
    await expect.poll(async () => (await store.jobs.get(`rewards.expire:${day}`))?.status).toBe('done');
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(await store.rewards.balance('acme', 'ada')).toEqual({ balance: 30, lifetime: 130 });
    expect((await store.rewards.entries('acme', 'ada')).filter((e) => e.reason === 'Points expired')).toHaveLength(1);
  });
});
