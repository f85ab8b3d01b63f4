import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test-support/http.js';

const folder = mkdtempSync(join(tmpdir(), 'hearth-openapi-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// With both asset folders, so the app registers every route it can have.
const { app } = testApp({ widgetDir: folder, adminDir: folder });

/** Hono's `:id`, `:outcome{fulfilled|failed}` and trailing `*` as OpenAPI path templates. */
const template = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}').replace(/\/\*$/, '/{file}');

/**
 * Handlers registered in the app: `use()` middleware shows as `ALL`; the server API's body limit
 * is the one middleware registered for a method (`POST /v1/server/*`), in front of real routes.
 */
function registered(): string[] {
  const routes = app.routes.filter((route) => route.method !== 'ALL' && !(route.method === 'POST' && route.path === '/v1/server/*'));
  return [...new Set(routes.map((route) => `${route.method} ${template(route.path)}`))].sort();
}

async function document(): Promise<{ openapi: string; paths: Record<string, Record<string, unknown>> }> {
  const res = await app.request('/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const served = await document();
    expect(served.openapi).toBe('3.1.0');
    const result = await new Validator().validate(served as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents exactly the routes the app registers, no more, no fewer', async () => {
    const { paths } = await document();
    const documented = Object.entries(paths)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(registered());
  });
});
