import { describe, expect, it } from 'vitest';
import { batchSchema } from './batch.js';
import { toErrorIssues } from './error-body.js';

const event = {
  messageId: '01JD5Z7Q3F8W9XK2M4N6P8R0TA',
  anonymousId: 'anon-1',
  type: 'track',
  name: 'project_created',
  timestamp: '2026-11-22T10:00:00.000Z',
};

describe('batchSchema', () => {
  it('accepts a well-formed batch', () => {
    const parsed = batchSchema.parse({ sentAt: '2026-11-22T10:00:01.000Z', events: [event] });
    expect(parsed.events[0]).toMatchObject({ type: 'track', name: 'project_created' });
  });

  it('names each failing field and its reason', () => {
    const result = batchSchema.safeParse({
      sentAt: 'yesterday',
      events: [
        { ...event, name: '' },
        { ...event, type: 'click' },
      ],
    });
    expect(result.success).toBe(false);
    const issues = toErrorIssues(result.error!);
    const paths = issues.map((issue) => issue.path);
    expect(paths).toContain('sentAt');
    expect(paths).toContain('events.0.name');
    expect(paths).toContain('events.1.type');
    expect(issues.find((i) => i.path === 'events.0.name')?.message).toMatch(/empty/);
  });

  it('rejects prototype-polluting keys and deep nesting in properties', () => {
    const polluted = JSON.parse('{"__proto__": {"admin": true}}');
    const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
    for (const properties of [polluted, deep]) {
      const result = batchSchema.safeParse({ sentAt: event.timestamp, events: [{ ...event, properties }] });
      expect(result.success).toBe(false);
      expect(toErrorIssues(result.error!)[0]?.path).toBe('events.0.properties');
    }
  });

  it('rejects an empty batch', () => {
    const result = batchSchema.safeParse({ sentAt: event.timestamp, events: [] });
    expect(toErrorIssues(result.error!)).toEqual([{ path: 'events', message: 'a batch needs at least one event' }]);
  });
});
