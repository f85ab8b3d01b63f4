import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'doc-samples',
    environment: 'node',
    include: ['*.test.ts'],
    // Type-checking the samples compiles the workspace packages they import.
    testTimeout: 120_000,
  },
});
