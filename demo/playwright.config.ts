import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.js';

/**
 * End-to-end runs drive Debian's Chromium (no browser download exists on the build machines).
 * The collector and the demo server start inside the worker (see e2e/fixtures.ts), one per run.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]] : 'list',
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});
