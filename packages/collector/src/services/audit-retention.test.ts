import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../domain/time.js';
import { bothStores } from '../test-support/both-stores.js';
import { uniqueProjectId } from '../test-support/events.js';
import { scheduleHousekeeping } from './job-housekeeping.js';
import { JobWorker } from './job-worker.js';

const NOW = Date.parse('2026-09-01T12:00:00.000Z');

describe.each(bothStores('hearth_audit_retention'))('audit.purge, the daily job, on $name', ({ open }) => {
  it('deletes audit log entries older than the retention period and keeps the rest', async () => {
    const store = await open();
    const projectId = uniqueProjectId();
    const entry = (daysAgo: number, actor: string) => ({
      projectId,
      at: NOW - daysAgo * DAY_MS,
      actor,
      action: 'prompt.publish',
      target: 'prompts/onboarding',
      targetVersion: 1,
    });
    await store.audit.append(entry(400, 'old@acme.test'));
    await store.audit.append(entry(91, 'past@acme.test'));
    await store.audit.append(entry(89, 'recent@acme.test'));
    await store.audit.append(entry(0, 'today@acme.test'));

    const worker = new JobWorker({ jobs: store.jobs, clock: () => NOW, log: () => undefined });
    scheduleHousekeeping(worker, store, () => NOW, { auditRetentionDays: 90 });
    worker.start();
    const day = new Date(Math.floor(NOW / DAY_MS) * DAY_MS).toISOString();
    await expect.poll(async () => (await store.jobs.get(`audit.purge:${day}`))?.status).toBe('done');
    await worker.stop();

    const left = (await store.audit.list(projectId, { limit: 100 })).filter((e) => e.projectId === projectId);
    expect(left.map((e) => e.actor)).toEqual(['today@acme.test', 'recent@acme.test']);
  });
});
