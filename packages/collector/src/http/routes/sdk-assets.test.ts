import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test-support/http.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-sdk-'));
const widgetDir = join(root, 'dist');
mkdirSync(join(widgetDir, 'chunks'), { recursive: true });
writeFileSync(join(widgetDir, 'hearth.js'), 'export const core = 1;');
writeFileSync(join(widgetDir, 'chunks', 'checklist-abc123.js'), 'export const chunk = 1;');
writeFileSync(join(widgetDir, 'hearth.js.map'), '{}');
const runtime = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i % 40}`))};`;
writeFileSync(join(widgetDir, 'chunks', 'runtime-def456.js'), runtime);
writeFileSync(join(widgetDir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
writeFileSync(join(widgetDir, '.env'), 'SECRET=1');
writeFileSync(join(root, 'outside.txt'), 'not for the web');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('GET /sdk/*', () => {
  const { app } = testApp({ widgetDir });

  it('serves the core with a JavaScript type, CORS * and a short cache', async () => {
    const res = await app.request('/sdk/hearth.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('export const core = 1;');
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300');
  });

  it('caches hashed chunks forever and types source maps as JSON', async () => {
    const chunk = await app.request('/sdk/chunks/checklist-abc123.js');
    expect(chunk.headers.get('Cache-Control')).toContain('immutable');
    expect((await app.request('/sdk/hearth.js.map')).headers.get('Content-Type')).toContain('application/json');
  });

  it.each([
    '/sdk/../outside.txt',
    '/sdk/%2e%2e/outside.txt',
    '/sdk/chunks/..%2f..%2foutside.txt',
    '/sdk/.env',
    '/sdk/',
    '/sdk/missing.js',
    '/sdk/%E0%A4%A',
  ])('answers 404 for %s', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('not for the web');
  });

  const fetchRuntime = async (acceptEncoding?: string) => {
    const res = await app.request(
      '/sdk/chunks/runtime-def456.js',
      acceptEncoding === undefined ? {} : { headers: { 'Accept-Encoding': acceptEncoding } },
    );
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('serves brotli when accepted, else gzip, else the plain file, always with Vary', async () => {
    const br = await fetchRuntime('gzip, deflate, br');
    expect(br.res.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(br.bytes).toString()).toBe(runtime);
    expect(br.bytes.byteLength).toBeLessThan(runtime.length / 2);

    const gz = await fetchRuntime('gzip;q=1, br;q=0');
    expect(gz.res.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(gz.bytes).toString()).toBe(runtime);

    for (const header of [undefined, 'identity', 'gzip;q=0']) {
      const plain = await fetchRuntime(header);
      expect(plain.res.headers.get('Content-Encoding')).toBeNull();
      expect(plain.bytes.toString()).toBe(runtime);
      expect(plain.res.headers.get('Vary')).toBe('Accept-Encoding');
    }
  });

  it('serves a changed file anew, and leaves images uncompressed', async () => {
    await fetchRuntime('br');
    writeFileSync(join(widgetDir, 'hearth.js'), 'export const core = 2; // rebuilt');
    const rebuilt = await app.request('/sdk/hearth.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gunzipSync(Buffer.from(await rebuilt.arrayBuffer())).toString()).toBe('export const core = 2; // rebuilt');
    const png = await app.request('/sdk/logo.png', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(png.headers.get('Content-Encoding')).toBeNull();
    expect(png.headers.get('Vary')).toBeNull();
  });
});
