// Lives outside src/ because it imports the zod schemas at runtime, which browser code must not.
import {
  batchSchema,
  eventNameSchema,
  eventSchema,
  identifyEventSchema,
  JSON_LIMITS,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  MAX_EVENT_BYTES,
  parseWire,
} from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { buildEvent, checkProperties, checkString, LIMITS, pageContext } from '../src/core/events.js';
import { KEEPALIVE_BYTES, MAX_EVENTS_PER_BATCH, takeBatch } from '../src/core/transport.js';

describe('widget ↔ schema parity', () => {
  it('mirrors the schema JSON limits', () => {
    expect({ maxDepth: LIMITS.maxDepth, maxStringLength: LIMITS.maxStringLength, maxKeys: LIMITS.maxKeys }).toEqual(JSON_LIMITS);
    expect(LIMITS.maxEventBytes).toBe(MAX_EVENT_BYTES);
    expect(eventNameSchema.safeParse('n'.repeat(LIMITS.maxName)).success).toBe(true);
    expect(eventNameSchema.safeParse('n'.repeat(LIMITS.maxName + 1)).success).toBe(false);
    expect(identifyEventSchema.shape.userId.safeParse('u'.repeat(LIMITS.maxUserId + 1)).success).toBe(false);
    expect(identifyEventSchema.shape.userId.safeParse('u'.repeat(LIMITS.maxUserId)).success).toBe(true);
    expect(MAX_EVENTS_PER_BATCH).toBeLessThanOrEqual(MAX_BATCH_EVENTS);
    expect(KEEPALIVE_BYTES).toBeLessThanOrEqual(MAX_BATCH_BYTES);
  });

  it('refuses locally the text the collector refuses, so one bad call cannot get a whole batch refused', () => {
    for (const text of ['a\u0000b', 'x\uD800', '\uDC00']) {
      expect(() => checkString('track: name', text, LIMITS.maxName)).toThrow(/NUL or a lone surrogate/);
      expect(() => checkProperties('track: properties', { plan: text })).toThrow(/NUL or a lone surrogate/);
      expect(() => checkProperties('track: properties', { nested: { [text]: 1 } })).toThrow(/NUL or a lone surrogate/);
      expect(
        parseWire(eventSchema, {
          messageId: '01JAAAAAAAAAAAAAAAAAAAAAAE',
          anonymousId: 'a',
          type: 'track',
          name: text,
          timestamp: new Date().toISOString(),
        }).success,
      ).toBe(false);
    }
    expect(checkProperties('track: properties', { mood: 'ok 😀' })).toEqual({ mood: 'ok 😀' });
  });

  it('builds events and batches the collector accepts, even with oversized page context', () => {
    const page = { url: `https://app.test/${'x'.repeat(3000)}`, path: '/', title: 't'.repeat(600), referrer: '', locale: 'en-US' };
    const who = { anonymousId: '01JANONYMOUS0000000000000' };
    const events = [
      buildEvent(
        { type: 'track', name: 'clicked', properties: { n: 1 } },
        who,
        '01JAAAAAAAAAAAAAAAAAAAAAAA',
        Date.now(),
        pageContext(page, undefined),
      ),
      buildEvent({ type: 'page' }, who, '01JAAAAAAAAAAAAAAAAAAAAAAB', Date.now(), pageContext(page, 'fr')),
      buildEvent(
        { type: 'identify', userId: 'u1', traits: { plan: 'pro' } },
        who,
        '01JAAAAAAAAAAAAAAAAAAAAAAC',
        Date.now(),
        pageContext(page, undefined),
      ),
    ];
    for (const event of events) expect(eventSchema.safeParse(event).success).toBe(true);
    // A title cut in the middle of an emoji, or carrying NUL, is made storable rather than refused.
    const awkward = { ...page, title: `${'t'.repeat(511)}😀`, path: '/a\u0000b' };
    const clipped = buildEvent({ type: 'page' }, who, '01JAAAAAAAAAAAAAAAAAAAAAAD', Date.now(), pageContext(awkward, undefined));
    expect(parseWire(eventSchema, clipped).success).toBe(true);
    const batch = takeBatch(
      events.map((e) => ({ e, k: 'jwt' })),
      Date.now(),
    );
    expect(batchSchema.safeParse(JSON.parse(batch?.body ?? '{}')).success).toBe(true);
  });
});
