import { describe, expect, it } from 'vitest';
import { T0, uniqueProjectId } from '../../test-support/events.js';
import { storeTest, type OpenStore } from './harness.js';

/** Project settings: one versioned row per project, optimistic concurrency, kept across reopening. */
export function settingsConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('project settings', () => {
    withStore('stores the first change as version 1, and only when nothing was stored', async (store, projectId) => {
      expect(await store.settings.get(projectId)).toBeNull();
      const overrides = { theme: { brandColor: '#ff6600', radius: 4 }, allowedOrigins: ['https://app.acme.test'] };
      const saved = await store.settings.save(projectId, overrides, 0, T0, 'console');
      expect(saved).toEqual({ overrides, version: 1, updatedAt: new Date(T0).toISOString(), updatedBy: 'console' });
      expect(await store.settings.get(projectId)).toEqual(saved);
      // A second "first change" lost the race: it must not overwrite the first.
      expect(await store.settings.save(projectId, { inactivityDays: 7 }, 0, T0 + 1, 'secret-key')).toBeNull();
      expect(await store.settings.get(uniqueProjectId())).toBeNull();
    });

    withStore('replaces the overrides as the next version only when the expected version is current', async (store, projectId) => {
      await store.settings.save(projectId, { inactivityDays: 7 }, 0, T0, 'console');
      const next = await store.settings.save(
        projectId,
        { inactivityDays: 14, secretKeys: ['sk_new_secret_0123456789'] },
        1,
        T0 + 5_000,
        'secret-key',
      );
      expect(next).toEqual({
        overrides: { inactivityDays: 14, secretKeys: ['sk_new_secret_0123456789'] },
        version: 2,
        updatedAt: new Date(T0 + 5_000).toISOString(),
        updatedBy: 'secret-key',
      });
      expect(await store.settings.save(projectId, { inactivityDays: 90 }, 1, T0 + 6_000, 'console')).toBeNull();
      expect(await store.settings.save(projectId, { inactivityDays: 90 }, 3, T0 + 6_000, 'console')).toBeNull();
      expect((await store.settings.get(projectId))?.overrides).toEqual({ inactivityDays: 14, secretKeys: ['sk_new_secret_0123456789'] });
    });

    withStore('keeps nested JSON whole and the settings of each project apart', async (store, projectId) => {
      const other = uniqueProjectId();
      const webhooks = [
        { url: 'https://hooks.acme.test/nps', secrets: ['whsec_0123456789abcdefghijklmn'], surveyResponses: 'all', surveyIds: ['nps'] },
      ];
      await store.settings.save(
        projectId,
        { webhooks, rewards: null, locales: { default: 'en', supported: ['en', 'fr'] } },
        0,
        T0,
        'console',
      );
      await store.settings.save(other, { inactivityDays: 3 }, 0, T0, 'console');
      expect((await store.settings.get(projectId))?.overrides).toEqual({
        webhooks,
        rewards: null,
        locales: { default: 'en', supported: ['en', 'fr'] },
      });
      expect((await store.settings.get(other))?.overrides).toEqual({ inactivityDays: 3 });
    });

    it('keeps the settings across closing and reopening the store', async () => {
      const projectId = uniqueProjectId();
      const store = await open();
      await store.settings.save(projectId, { theme: { mode: 'dark' } }, 0, T0, 'console');
      await store.close();
      const reopened = await open();
      try {
        expect(await reopened.settings.get(projectId)).toMatchObject({ overrides: { theme: { mode: 'dark' } }, version: 1 });
      } finally {
        await reopened.close();
      }
    });
  });
}
