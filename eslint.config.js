// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.tsbuild/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use string unions, not enums.' }],
    },
  },
  {
    // Browser code stays lean and host-safe: no Node built-ins, no runtime zod.
    files: ['packages/widget/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*'], message: 'The widget runs in browsers: no Node built-ins.' },
          { group: ['zod', 'zod/*', '@hearth/collector'], message: 'The widget must not ship zod or server code.' },
          { group: ['@hearth/schema'], allowTypeImports: true, message: 'Import only types from @hearth/schema in the widget.' },
        ],
      }],
    },
  },
);
