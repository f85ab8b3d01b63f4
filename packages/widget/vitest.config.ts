import { defineProject } from 'vitest/config';
import { compileOptions } from './vite.config.js';

export default defineProject({
  ...compileOptions,
  test: {
    name: 'widget',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
  },
});
