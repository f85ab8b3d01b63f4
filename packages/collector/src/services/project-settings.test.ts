import { describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../config.js';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';
import { NOW, testConfig } from '../test-support/http.js';
import { ProjectRegistry } from './project-registry.js';
import { SETTINGS_SYNC_MS, createProjectSettings } from './project-settings.js';
import { SettingsError } from '../domain/settings/settings-error.js';

function setup() {
  const store = openSqliteStore(':memory:');
  const config = parseConfig(testConfig({ inactivityDays: 30 }));
  const clock = { now: NOW };
  const log = vi.fn();
  const projects = new ProjectRegistry(config.projects);
  const settings = createProjectSettings({ store, projects, clock: () => clock.now, log });
  return { store, config, clock, log, settings, project: () => projects.get('acme')! };
}

describe('project settings service', () => {
  it('puts a change in force in the project registry, and never edits a project object in place', async () => {
    const { settings, project, config } = setup();
    await settings.sync();
    const before = project();
    const file = structuredClone(config.projects[0]);
    const result = await settings.update('acme', { inactivityDays: 7, theme: { mode: 'dark' } }, { actor: 'console' });
    expect(result).toMatchObject({ version: 1, updatedBy: 'console', newSecrets: [] });
    expect(project()).toMatchObject({ inactivityDays: 7, theme: { mode: 'dark' } });
    // A request that started before the change keeps the project it looked up; the file's stay as read.
    expect(before).toEqual(file);
    expect(config.projects[0]).toEqual(file);
    // Removing the override again (null) falls back to what the file says.
    await settings.update('acme', { locales: { default: 'en', supported: ['en'] } }, { actor: 'console' });
    expect(project().locales).toEqual({ default: 'en', supported: ['en'] });
    await settings.update('acme', { locales: null }, { actor: 'console' });
    expect(project()).not.toHaveProperty('locales');
  });

  it('refuses a stale or invalid change with a SettingsError naming the problem, and applies nothing', async () => {
    const { settings, project } = setup();
    await settings.update('acme', { inactivityDays: 7 }, { actor: 'console', expectedVersion: 0 });
    await expect(settings.update('acme', { inactivityDays: 9 }, { actor: 'console', expectedVersion: 0 })).rejects.toMatchObject({
      code: 'version_conflict',
    });
    const invalid = await settings.update('acme', { inactivityDays: 400 }, { actor: 'console' }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(SettingsError);
    expect(invalid).toMatchObject({
      code: 'invalid_settings',
      issues: [{ path: 'inactivityDays', message: 'inactivityDays must be at most 365' }],
    });
    await expect(settings.update('nope', {}, { actor: 'console' })).rejects.toMatchObject({ code: 'project_not_found' });
    expect(project().inactivityDays).toBe(7);
  });

  it('must load the stored settings before serving, but keeps the current ones when a later check fails', async () => {
    const { store, settings, clock, log, project } = setup();
    await settings.update('acme', { inactivityDays: 5 }, { actor: 'console' });
    await settings.sync();
    await store.close();
    clock.now += SETTINGS_SYNC_MS;
    await expect(settings.sync()).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('keeping the current ones'), expect.anything());
    expect(project().inactivityDays).toBe(5);

    const closed = openSqliteStore(':memory:');
    await closed.close();
    const cold = createProjectSettings({
      store: closed,
      projects: new ProjectRegistry(parseConfig(testConfig()).projects),
      clock: () => NOW,
    });
    await expect(cold.sync()).rejects.toThrow();
  });
});
