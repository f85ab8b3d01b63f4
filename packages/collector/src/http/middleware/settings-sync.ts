import { createMiddleware } from 'hono/factory';
import type { ProjectSettings } from '../../services/project-settings.js';

/**
 * Runs first on every request: applies the settings stored by the console before the first
 * request is served, and other collector processes' changes within a few seconds after.
 */
export function settingsSync(settings: ProjectSettings) {
  return createMiddleware(async (_c, next) => {
    await settings.sync();
    await next();
  });
}
