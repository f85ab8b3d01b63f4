import { defineConfig } from 'vitest/config';

// Root config: Vitest projects, one per package. Each package's own vite.config.ts builds it.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts'],
  },
});
