import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { EncodedAssets, negotiateEncoding } from './asset-encodings.js';

export const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.json', '.map', '.html', '.svg', '.wasm', '.txt']);

/**
 * `GET /sdk/*`: the widget's built files. Chunks under `chunks/` have content hashes in their
 * names, so they are cached forever; entry files keep a fixed name and must refresh quickly.
 * CORS `*` because host pages on any origin load them as `<script type="module">`. Text files
 * are served brotli- or gzip-compressed when the client accepts it (`Vary: Accept-Encoding`).
 */
export function sdkAssetRoutes(widgetDir: string) {
  const root = resolve(widgetDir);
  const encodedAssets = new EncodedAssets();
  const app = new Hono();
  app.get('/sdk/*', async (c) => {
    const file = resolveAsset(root, new URL(c.req.url).pathname.slice('/sdk/'.length));
    // A file that cannot be read is answered as a missing one (404).
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      return c.json({ error: { code: 'not_found', message: 'No such SDK file.' } }, 404, { 'Access-Control-Allow-Origin': '*' });
    }
    const immutable = file.startsWith(`${root}${sep}chunks${sep}`);
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    if (!COMPRESSIBLE.has(extname(file))) return c.body(new Uint8Array(await readFile(file)), 200, headers);
    const encoding = negotiateEncoding(c.req.header('Accept-Encoding'));
    const encoded = await encodedAssets.get(file, `${info.size}:${info.mtimeMs}`);
    headers.Vary = 'Accept-Encoding';
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    return c.body(encoded[encoding], 200, headers);
  });
  return app;
}

/** The file a URL path names inside `root`, or null for anything that could escape it. */
export function resolveAsset(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const segments = decoded.split(/[\\/]/);
  if (decoded.includes('\0') || segments.some((segment) => segment === '..' || segment.startsWith('.'))) return null;
  const file = resolve(root, ...segments);
  return file.startsWith(`${root}${sep}`) ? file : null;
}
