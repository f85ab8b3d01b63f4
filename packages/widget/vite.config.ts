import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

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

export default defineConfig(({ mode }) => {
  const entry = mode === 'esm' ? 'index' : 'hearth';
  return {
    publicDir: false,
    plugins: entry === 'hearth' ? [snippet()] : [],
    build: {
      target: 'es2020',
      outDir: 'dist',
      emptyOutDir: entry === 'hearth',
      minify: 'esbuild',
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
          // Name lazy chunks after their folder (`runtime`, or the widget kind), so size budgets
          // like `chunks/runtime-*.js` match whatever file inside the folder is the chunk's face.
          chunkFileNames: (chunk) => {
            const folder = /\/src\/(?:widgets\/([^/]+)|(runtime))\//.exec(chunk.facadeModuleId ?? '');
            return `chunks/${folder?.[1] ?? folder?.[2] ?? '[name]'}-[hash].js`;
          },
        },
      },
    },
  };
});
