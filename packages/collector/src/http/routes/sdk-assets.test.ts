import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test-support/http.js';

const root = mkdtempSync(join(tmpdir(), 'hearth-sdk-'));
const widgetDir = join(root, 'dist');
mkdirSync(join(widgetDir, 'chunks'), { recursive: true });
writeFileSync(join(widgetDir, 'hearth.js'), 'export const core = 1;');
writeFileSync(join(widgetDir, 'chunks', 'checklist-abc123.js'), 'export const chunk = 1;');
writeFileSync(join(widgetDir, 'hearth.js.map'), '{}');
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

  it.each(['/sdk/../outside.txt', '/sdk/%2e%2e/outside.txt', '/sdk/chunks/..%2f..%2foutside.txt', '/sdk/.env', '/sdk/', '/sdk/missing.js', '/sdk/%E0%A4%A'])(
    'answers 404 for %s',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('not for the web');
    },
  );
});
