import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnstorableText, parseWire, unstorableTextReason } from './storable-text.js';

describe('storable text', () => {
  it('refuses NUL and lone surrogates, keeps every valid character including astral ones', () => {
    expect(unstorableTextReason('a\u0000b')).toMatch(/NUL/);
    expect(unstorableTextReason('x\uD800')).toMatch(/surrogate/);
    expect(unstorableTextReason('\uDC00x')).toMatch(/surrogate/);
    expect(unstorableTextReason('ok 😀 \u0001 \u2028 \uFFFF')).toBeNull();
  });

  it('names every string and key at any depth, keys escaped', () => {
    const value = { events: [{ name: 'ok' }, { properties: { nested: ['fine', 'x\u0000'], ['k\uD800']: 1 } }] };
    expect(findUnstorableText(value)).toEqual([
      { path: 'events.1.properties.k\\ud800', message: expect.stringMatching(/^key .*surrogate/) },
      { path: 'events.1.properties.nested.1', message: expect.stringMatching(/NUL/) },
    ]);
  });

  it('walks a hostile nesting depth without exhausting the stack', () => {
    const deep = JSON.parse('['.repeat(200_000) + '"\\u0000"' + ']'.repeat(200_000)) as unknown;
    expect(findUnstorableText(deep)).toHaveLength(1);
  });

  it('parseWire reports text issues even in fields the schema would drop, and schema issues otherwise', () => {
    const schema = z.object({ name: z.string() });
    expect(parseWire(schema, { name: 'a', extra: '\u0000' })).toEqual({
      success: false,
      issues: [{ path: 'extra', message: expect.any(String) }],
    });
    expect(parseWire(schema, { name: 1 })).toMatchObject({ success: false, issues: [{ path: 'name' }] });
    expect(parseWire(schema, { name: 'a' })).toEqual({ success: true, data: { name: 'a' } });
  });

  it('with the JSON text, skips the walk only when no NUL or surrogate can be in it', () => {
    const schema = z.object({ name: z.string() });
    const parse = (json: string) => parseWire(schema, JSON.parse(json), json);
    expect(parse('{"name":"a\\u0000b"}')).toMatchObject({ success: false, issues: [{ path: 'name' }] });
    expect(parse('{"name":"x\\uDBFF"}')).toMatchObject({ success: false, issues: [{ path: 'name' }] });
    expect(parse('{"name":"x","k\\ud800":1}')).toMatchObject({ success: false, issues: [{ path: 'k\\ud800' }] });
    expect(parse('{"name":"a\\\\u0000b"}')).toEqual({ success: true, data: { name: 'a\\u0000b' } });
    expect(parse('{"name":"\\ud83d\\ude00 ok"}')).toEqual({ success: true, data: { name: '😀 ok' } });
  });
});
