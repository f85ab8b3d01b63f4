import { promptSchema, type Prompt } from '@hearth/schema';
import { describe, expect } from 'vitest';
import { T0, uniqueProjectId } from '../../test-support/events.js';
import { storeTest, type OpenStore } from './harness.js';

const checklist = (id: string, title = 'Get started'): Prompt =>
  promptSchema.parse({
    id,
    kind: 'checklist',
    content: { title, items: [{ id: 'one', title: 'Do one thing', completeWhen: { type: 'event', event: 'one_done' } }] },
  });

/** Prompt configuration: versions, optimistic concurrency and idempotent seeding. */
export function promptsConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('prompts', () => {
    withStore('creates a prompt once and reads it back whole', async (store, projectId) => {
      const prompt = checklist('onboarding');
      const created = await store.prompts.create(projectId, prompt, T0);
      expect(created).toEqual({
        prompt,
        version: 1,
        origin: 'api',
        createdAt: new Date(T0).toISOString(),
        updatedAt: new Date(T0).toISOString(),
      });
      expect(await store.prompts.create(projectId, checklist('onboarding', 'Other'), T0 + 1)).toBeNull();
      expect(await store.prompts.get(projectId, 'onboarding')).toEqual(created);
      expect(await store.prompts.get(projectId, 'missing')).toBeNull();
      expect(await store.prompts.get(uniqueProjectId(), 'onboarding')).toBeNull();
    });

    withStore("lists a project's prompts by id", async (store, projectId) => {
      await store.prompts.create(projectId, checklist('zeta'), T0);
      await store.prompts.create(projectId, checklist('alpha'), T0);
      await store.prompts.create(uniqueProjectId(), checklist('other-project'), T0);
      expect((await store.prompts.list(projectId)).map((r) => r.prompt.id)).toEqual(['alpha', 'zeta']);
    });

    withStore('replaces a prompt as a new version only when the expected version is current', async (store, projectId) => {
      await store.prompts.create(projectId, checklist('onboarding'), T0);
      const live = { ...checklist('onboarding', 'Welcome'), status: 'live' as const };
      const saved = await store.prompts.replace(projectId, live, 1, T0 + 5_000);
      expect(saved).toMatchObject({
        prompt: live,
        version: 2,
        origin: 'api',
        createdAt: new Date(T0).toISOString(),
        updatedAt: new Date(T0 + 5_000).toISOString(),
      });
      expect(await store.prompts.replace(projectId, checklist('onboarding', 'Stale'), 1, T0 + 6_000)).toBeNull();
      expect(await store.prompts.replace(projectId, checklist('missing'), 1, T0)).toBeNull();
      expect((await store.prompts.get(projectId, 'onboarding'))?.prompt).toMatchObject({ content: { title: 'Welcome' } });
    });

    withStore('seeds idempotently, follows the file, and never overwrites an API edit', async (store, projectId) => {
      const a = checklist('a');
      const b = checklist('b');
      expect(await store.prompts.seed(projectId, [a, b], T0)).toEqual({ inserted: ['a', 'b'], updated: [] });
      expect(await store.prompts.seed(projectId, [a, b], T0 + 1)).toEqual({ inserted: [], updated: [] });
      expect(await store.prompts.get(projectId, 'a')).toMatchObject({ version: 1, origin: 'config' });

      // The file changed `a`: only the file ever wrote it, so it follows.
      expect(await store.prompts.seed(projectId, [checklist('a', 'From the file, v2'), b], T0 + 2)).toEqual({
        inserted: [],
        updated: ['a'],
      });
      expect(await store.prompts.get(projectId, 'a')).toMatchObject({
        version: 2,
        origin: 'config',
        prompt: { content: { title: 'From the file, v2' } },
      });

      // An admin edited `b`: the file never wins again, whatever it says.
      await store.prompts.replace(projectId, checklist('b', 'Edited by an admin'), 1, T0 + 3);
      expect(await store.prompts.seed(projectId, [checklist('a', 'From the file, v2'), checklist('b', 'From the file')], T0 + 4)).toEqual({
        inserted: [],
        updated: [],
      });
      expect(await store.prompts.get(projectId, 'b')).toMatchObject({
        version: 2,
        origin: 'api',
        prompt: { content: { title: 'Edited by an admin' } },
      });
      expect(await store.prompts.seed(projectId, [], T0 + 5)).toEqual({ inserted: [], updated: [] });
    });

    withStore('keeps every version, from the API and from seeding, newest first', async (store, projectId) => {
      await store.prompts.seed(projectId, [checklist('onboarding', 'From the file')], T0);
      await store.prompts.replace(projectId, checklist('onboarding', 'Second'), 1, T0 + 1_000);
      await store.prompts.replace(projectId, { ...checklist('onboarding', 'Third'), status: 'live' }, 2, T0 + 2_000);
      await store.prompts.create(projectId, checklist('other'), T0);

      const versions = await store.prompts.versions(projectId, 'onboarding');
      expect(versions.map((v) => [v.version, v.origin, v.prompt.kind === 'checklist' && v.prompt.content.title, v.prompt.status])).toEqual([
        [3, 'api', 'Third', 'live'],
        [2, 'api', 'Second', 'draft'],
        [1, 'config', 'From the file', 'draft'],
      ]);
      expect(versions[0]?.savedAt).toBe(new Date(T0 + 2_000).toISOString());
      expect((await store.prompts.versions(projectId, 'onboarding', 1)).map((v) => v.version)).toEqual([3]);
      expect(await store.prompts.version(projectId, 'onboarding', 2)).toEqual(versions[1]);
      expect(await store.prompts.version(projectId, 'onboarding', 9)).toBeNull();
      expect(await store.prompts.versions(uniqueProjectId(), 'onboarding')).toEqual([]);
    });
  });
}
