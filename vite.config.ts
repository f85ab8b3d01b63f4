import { defineConfig } from 'vitest/config';

// Root config: Vitest projects, one per package (and the demo's). Each package's own vite.config.ts builds it.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'demo/vitest.config.ts', 'doc-samples/vitest.config.ts'],
  },
});
