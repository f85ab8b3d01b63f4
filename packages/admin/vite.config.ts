import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The console is served by the collector at `/admin/` (same origin as the admin API, so the
 * SameSite=Strict session cookie flows). `pnpm --filter @hearth/admin dev` proxies the API to a
 * running collector instead: HEARTH_COLLECTOR_URL, default http://127.0.0.1:8787.
 */
export default defineConfig({
  base: '/admin/',
  plugins: [preact()],
  build: { outDir: 'dist', target: 'es2022', sourcemap: false, reportCompressedSize: false },
  server: {
    proxy: { '/v1': { target: process.env.HEARTH_COLLECTOR_URL ?? 'http://127.0.0.1:8787', changeOrigin: true } },
  },
});
