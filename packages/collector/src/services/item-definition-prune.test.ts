import { promptSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../domain/time.js';
import { DEFINITION_BUILD_JOB } from '../storage/kpi/definition-builds.js';
import { itemDefinition } from '../storage/kpi/item-definition.js';
import { bothStores } from '../test-support/both-stores.js';
import { newEvent, uniqueProjectId } from '../test-support/events.js';
import { checklistInput } from '../test-support/prompts.js';
import { ITEM_DEFINITION_PRUNE_JOB, scheduleItemDefinitionPrune } from './item-definition-prune.js';
import { JobWorker } from './job-worker.js';

const NOW = Date.parse('2026-09-01T12:00:00.000Z');
const checklist = (id: string, events: string[], status = 'live') => promptSchema.parse(checklistInput(id, { events, status }));
const items = (events: string[]) => events.map((event, i) => ({ id: `step-${i + 1}`, completeWhen: { type: 'event' as const, event } }));

describe.each(bothStores('hearth_definition_prune'))('kpi.item-definitions.prune, the daily job, on $name', ({ open }) => {
  it('drops the definitions no checklist uses, archived checklists included, and keeps the rest', async () => {
    const store = await open();
    const projectId = uniqueProjectId();
    await store.writeEvents(
      ['Project Created', 'Report Exported', 'Board Viewed', 'Source Connected'].map((name, i) =>
        newEvent({ projectId, name, anonymousId: 'a', timestamp: NOW - DAY_MS + i, receivedAt: NOW }),
      ),
    );
    // Every definition built: the live checklist's, the archived one's, and an edit's old rule.
    const all = ['Project Created', 'Report Exported', 'Board Viewed', 'Source Connected'];
    await store.kpi.checklistRows(projectId, { promptId: 'any', items: items(all), to: new Date(NOW) });
    await store.kpi.refreshRollups();
    expect((await store.kpi.checklistRows(projectId, { promptId: 'any', items: items(all), to: new Date(NOW) })).source).toBe('rollup');
    await store.prompts.create(projectId, checklist('onboarding', ['Project Created']), NOW);
    await store.prompts.create(projectId, checklist('reports', ['Report Exported'], 'archived'), NOW);

    const worker = new JobWorker({ jobs: store.jobs, clock: () => NOW, log: () => undefined });
    scheduleItemDefinitionPrune(worker, { projects: () => [{ id: projectId }], store });
    worker.start();
    const day = new Date(Math.floor(NOW / DAY_MS) * DAY_MS).toISOString();
    await expect.poll(async () => (await store.jobs.get(`${ITEM_DEFINITION_PRUNE_JOB}:${day}`))?.status, { timeout: 30_000 }).toBe('done');
    await worker.stop();

    // 'Board Viewed' and 'Source Connected' are no checklist's: their builds are gone too.
    const jobOf = (event: string) => store.jobs.get(`${DEFINITION_BUILD_JOB}:${projectId}:${itemDefinition(event, {}).definition}`);
    expect(await jobOf('Board Viewed')).toBeNull();
    expect(await jobOf('Source Connected')).toBeNull();
    expect((await jobOf('Project Created'))?.status).toBe('done');
    const read = (events: string[]) => store.kpi.checklistRows(projectId, { promptId: 'any', items: items(events), to: new Date(NOW) });
    expect((await read(['Project Created', 'Report Exported'])).source).toBe('rollup');
    expect((await read(['Board Viewed'])).source).toBe('events');
  }, 60_000);
});
