import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorHandler } from './error-handler.js';
import { storableUrl } from './storable-url.js';

function app() {
  const hono = new Hono();
  hono.onError(errorHandler());
  hono.use('*', storableUrl());
  hono.get('*', (c) => c.json({ key: c.req.query('key') ?? null }));
  return hono;
}

const codeOf = async (res: Response) => ((await res.json()) as { error?: { code: string } }).error?.code;

describe('storableUrl', () => {
  it('passes a URL without escapes untouched, and one whose escapes decode to storable text', async () => {
    expect(await (await app().request('/v1/batch?key=pk_live_1')).json()).toEqual({ key: 'pk_live_1' });
    expect(await (await app().request('/v1/batch?key=caf%C3%A9')).json()).toEqual({ key: 'café' });
  });

  it('refuses NUL whether escaped or sent as it is', async () => {
    expect(await codeOf(await app().request('/v1/batch?key=a%00b'))).toBe('invalid_query');
    expect(await codeOf(await app().request('/v1/a%00b'))).toBe('invalid_path');
    // Raw characters reach the check too: the quick path is only for URLs with none of them.
    expect(await codeOf(await app().request('http://localhost/v1/batch?key=a\u0000b'))).toBe('invalid_query');
  });
});
