import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { Hono } from 'hono';
import { CONTENT_TYPES, resolveAsset } from './sdk-assets.js';

/**
 * The console is same-origin with the admin API and needs nothing else: scripts only from here,
 * no framing (clickjacking), no form posts elsewhere. Inline styles are allowed for Chart.js.
 */
const CONSOLE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/**
 * `GET /admin/*`: the built console (packages/admin/dist). A path without a file extension is a
 * client-side route, answered with index.html so a reload or a shared link works. Hashed files
 * under `assets/` are cached forever; index.html is revalidated every time, so a new build shows.
 */
export function adminConsoleRoutes(consoleDir: string) {
  const root = resolve(consoleDir);
  const app = new Hono();
  app.get('/admin', (c) => c.redirect('/admin/', 308));
  app.get('/admin/*', async (c) => {
    const path = new URL(c.req.url).pathname.slice('/admin/'.length);
    const isRoute = extname(path) === '';
    const file = isRoute ? resolve(root, 'index.html') : resolveAsset(root, path);
    // A file that cannot be read is answered as a missing one (404).
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      const message = isRoute ? 'The admin console is not built: run `pnpm build`.' : 'No such console file.';
      return c.json({ error: { code: 'not_found', message } }, 404, CONSOLE_HEADERS);
    }
    return c.body(new Uint8Array(await readFile(file)), 200, {
      ...CONSOLE_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });
  return app;
}
