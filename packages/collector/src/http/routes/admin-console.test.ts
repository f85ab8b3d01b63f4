import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../test-support/http.js';

function builtConsole(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-admin-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Hearth admin</title>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  return dir;
}

describe('GET /admin/*: the console', () => {
  const { app } = testApp({ adminDir: builtConsole() });

  it('answers client-side routes with index.html, under a strict CSP that forbids framing', async () => {
    for (const path of ['/admin/', '/admin/prompts/checklist/onboarding', '/admin/dashboard']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<title>Hearth admin</title>');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    }
    expect((await app.request('/admin')).headers.get('Location')).toBe('/admin/');
  });

  it('serves hashed assets for a year and refuses missing files and escapes', async () => {
    const asset = await app.request('/admin/assets/index-abc123.js');
    expect(asset.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('Cache-Control')).toContain('immutable');
    for (const path of ['/admin/assets/missing.js', '/admin/..%2F..%2Fetc%2Fpasswd.txt', '/admin/.env.js']) {
      expect((await app.request(path)).status, path).toBe(404);
    }
  });
});
