import { defineProject } from 'vitest/config';

// Runs against @hearth/widget's build (its `exports` point at dist/, as on npm): `pnpm build` first.
export default defineProject({
  esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
  test: { name: 'react', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
});
