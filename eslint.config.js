// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What no browser code may import; the core adds its own rules on top (see below). */
const widgetImportPatterns = [
  { group: ['node:*'], message: 'The widget runs in browsers: no Node built-ins.' },
  { group: ['zod', 'zod/*', '@hearth/collector'], message: 'The widget must not ship zod or server code.' },
  {
    regex: '^@hearth/schema(?!/(links|absolute-url)$)',
    allowTypeImports: true,
    message: 'Import only types from @hearth/schema in the widget (and the zod-free @hearth/schema/links and /absolute-url).',
  },
];

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
      'no-restricted-imports': [
        'error',
        {
          patterns: [...widgetImportPatterns],
        },
      ],
    },
  },
  {
    // The always-loaded core stays tiny and testable: browser globals only through env.ts, and UI
    // code only through the lazy `import()`s of registry.ts (dynamic imports are not checked here).
    files: ['packages/widget/src/core/**/*.ts'],
    ignores: ['packages/widget/src/core/env.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history'].map((name) => ({
          name,
          message: 'The core reaches the browser only through Env (src/core/env.ts), so tests can inject fakes.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...widgetImportPatterns,
            {
              group: ['../widgets/**', '../runtime/**', 'preact', 'preact/*', '@preact/*'],
              allowTypeImports: true,
              message: 'The core never imports UI code statically: load it lazily through registry.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Collector layers (docs/architecture.md#layers): the domain is pure and web-standard.
    // Tests may assemble real parts (a store, the file system), so they are not held to this.
    files: ['packages/collector/src/domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'The domain uses no Node API: hashing and secrets live in crypto/, I/O in services/ and storage/.',
            },
            {
              group: ['**/storage/**', '**/services/**', '**/http/**', '**/crypto/**'],
              message: 'The domain imports no storage, services, HTTP or Node crypto: pass it the records it decides on (its own types).',
            },
          ],
        },
      ],
    },
  },
  {
    // Storage keeps and reads records; who calls it (routes, services) is none of its business.
    files: ['packages/collector/src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/**', '**/services/**'],
              message: 'Storage imports no HTTP or services code: move the orchestration into services/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/collector/src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/http/**'], message: 'Services know nothing of HTTP: routes call services, not the other way round.' }],
        },
      ],
    },
  },
  {
    // Routes reach storage through services. Storage *types* are allowed: a route that reads or
    // writes one sub-store takes it as a typed dependency wired in app.ts, which is not a run-time
    // import. store-busy.ts is the storage error contract the error handler answers with 503.
    files: ['packages/collector/src/http/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/storage/(?!store-busy\\.js$)',
              allowTypeImports: true,
              message: 'HTTP reaches storage through services/ (type-only imports are fine).',
            },
          ],
        },
      ],
    },
  },
);
