import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'demo',
    environment: 'node',
    // The demo's own logic (seeded history, console screenshots' helpers); e2e specs run in Playwright.
    include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Seeding a real collector takes a few seconds, more on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
