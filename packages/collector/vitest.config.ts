import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'collector',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Postgres suites create a database and the crash test spawns a server: give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
