import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin, type Rollup } from 'vite';

/**
 * Two passes, because Rollup shares code between entries of one build: `hearth.js` must be a
 * single self-contained request, not an entry plus a shared core chunk.
 *   vite build             → dist/hearth.js (script tag), dist/chunks/*, dist/snippet.min.js
 *   vite build --mode esm  → dist/index.js (npm entry)
 */
const ENTRIES = { hearth: 'src/entries/script-tag.ts', index: 'src/entries/esm.ts' } as const;

/** Minifies the snippet stub into a paste-ready IIFE with a `{{CORE_URL}}` placeholder. */
function snippet(): Plugin {
  return {
    name: 'hearth-snippet',
    apply: 'build',
    async closeBundle() {
      await esbuild({
        stdin: {
          contents: 'import { installStub } from "./src/entries/snippet.ts"; installStub(window, document, "{{CORE_URL}}");',
          resolveDir: import.meta.dirname,
          loader: 'ts',
        },
        bundle: true,
        minify: true,
        format: 'iife',
        target: 'es2017',
        legalComments: 'none',
        outfile: 'dist/snippet.min.js',
        logLevel: 'warning',
      });
    },
  };
}

/**
 * Lazy chunks (docs/decisions/0001-esm-core-and-lazy-chunks.md): `runtime` holds Preact, signals and the shared
 * shell; the prompt `controller` (triggers, mount decisions) is separate and Preact-free, so pages
 * whose prompts have not triggered yet never load Preact; each widget kind and each non-English
 * catalog is its own chunk.
 */
const LOCALE_CATALOG = /\/src\/runtime\/i18n\/(?!index|en)([a-z]+)\.ts$/;

function manualChunks(id: string): string | undefined {
  if (/\/src\/runtime\/controller\//.test(id)) return 'controller';
  // Commands the core hands over (`group`): a few hundred bytes, never Preact.
  if (/\/src\/runtime\/commands\.ts$/.test(id)) return 'commands';
  // Focus trapping serves modal dialogs only (survey, announcements): kept out of the runtime.
  if (/\/src\/runtime\/modal\//.test(id)) return 'modal';
  // Precedence between corner docks serves floating surfaces only: kept out of the runtime.
  if (/\/src\/runtime\/dock\//.test(id)) return 'dock';
  if (/\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:preact|@preact)\//.test(id)) return 'runtime';
  if (/\/src\/runtime\//.test(id) && !LOCALE_CATALOG.test(id)) return 'runtime';
  return undefined;
}

const WIDGET_CATALOG = /\/src\/widgets\/([^/]+)\/i18n\/([a-z]+)\.ts$/;

/** `runtime`, `controller`, the widget kind (`checklist`), `<kind>-i18n-<locale>` or `i18n-<locale>`. */
function chunkName(chunk: Rollup.PreRenderedChunk): string {
  const id = chunk.facadeModuleId ?? '';
  const widgetCatalog = WIDGET_CATALOG.exec(id);
  if (widgetCatalog) return `${widgetCatalog[1]}-i18n-${widgetCatalog[2]}`;
  const widget = /\/src\/widgets\/([^/]+)\//.exec(id)?.[1];
  const locale = LOCALE_CATALOG.exec(id)?.[1];
  return widget ?? (locale ? `i18n-${locale}` : chunk.name);
}

/**
 * Vite wraps every `import()` in `__vitePreload()`, imported from a helper module that injects
 * `<link rel="modulepreload">` (even with `modulePreload: false`: vitejs/vite#13952). We have no CSS
 * or dependency lists to preload, the helper touches `document`, and as a module shared by the core
 * and the runtime Rollup put it in the runtime chunk, so hearth.js imported Preact statically.
 * Running after Vite's transform, this unwraps each plain `__vitePreload(() => import("…"), …)` back
 * to its `import("…")` (a few bytes per call in every chunk) and, for any other form left, swaps the
 * helper import for a pass-through.
 */
function inlinePreloadHelper(): Plugin {
  const helperImport = /import \{ __vitePreload \} from "\0vite\/preload-helper\.js";/;
  const wrapped =
    /__vitePreload\(\(\) => (import\((["'`])[^"'`]+\2\)),__VITE_IS_MODERN__\?__VITE_PRELOAD__:void 0(?:,import\.meta\.url)?\)/g;
  return {
    name: 'hearth-inline-preload-helper',
    apply: 'build',
    transform: {
      order: 'post',
      handler(code) {
        if (!helperImport.test(code)) return null;
        const direct = code.replace(wrapped, '$1');
        const helper = direct.includes('__vitePreload(') ? 'const __vitePreload = (load) => load();' : '';
        return { code: direct.replace(helperImport, helper), map: null };
      },
    },
  };
}

/**
 * How source files compile, shared with vitest.config.ts so the tests run the code as it ships.
 * - Classic JSX (`h(type, props, ...children)`) instead of the automatic runtime: each element is
 *   a few bytes shorter (no `children:[…]` wrapper) and `preact/jsx-runtime` is not bundled.
 * - `@preact/signals` resolves to src/runtime/signals.ts: its signals (`@preact/signals-core`)
 *   and the one part of its Preact integration we use, without the rest (~1 KB gzip).
 */
export const compileOptions = {
  esbuild: {
    jsx: 'transform',
    jsxFactory: 'h',
    jsxFragment: 'Fragment',
    jsxInject: "import { h, Fragment } from 'preact'",
  },
  resolve: {
    alias: [{ find: /^@preact\/signals$/, replacement: fileURLToPath(new URL('src/runtime/signals.ts', import.meta.url)) }],
  },
} as const;

/**
 * Terser instead of esbuild: −330 B gzip on the core, −1 to −3 % on the other chunks
 * (docs/performance.md, "Size design"). Only options that keep the code's meaning: no `unsafe*` (they
 * assume no `this`/`new` on functions and no custom `toString`), no `pure_getters` (a signal's
 * `.value` getter subscribes the reader), no property mangling (nothing of ours is `_`-private;
 * Preact's and signals' internals are mangled by their own builds).
 */
const terserOptions = {
  ecma: 2020,
  compress: { passes: 3 },
  format: { comments: false },
  // Vite defaults this to true; the output is ES2020, which Safari 10 cannot run anyway.
  safari10: false,
} as const;

export default defineConfig(({ mode }) => {
  const entry = mode === 'esm' ? 'index' : 'hearth';
  return {
    publicDir: false,
    ...compileOptions,
    plugins: [inlinePreloadHelper(), ...(entry === 'hearth' ? [snippet()] : [])],
    build: {
      target: 'es2020',
      outDir: 'dist',
      emptyOutDir: entry === 'hearth',
      minify: 'terser',
      terserOptions,
      sourcemap: false,
      // The preload helper would touch `document` from the core and cost bytes; chunks are few.
      modulePreload: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { [entry]: ENTRIES[entry] },
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: (chunk) => `chunks/${chunkName(chunk)}-[hash].js`,
          manualChunks,
        },
      },
    },
  };
});
