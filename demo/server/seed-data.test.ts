import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { loadDemoProject } from './demo-project.js';
import { buildSeedPlan } from './seed-data.js';

const DAY_MS = 86_400_000;
const { project } = loadDemoProject();
const NOW = new Date('2026-11-22T12:00:00.000Z');

describe('buildSeedPlan', () => {
  it('gives the same plan for the same seed and time', () => {
    expect(buildSeedPlan(NOW, project)).toEqual(buildSeedPlan(new Date(NOW), project));
  });

  it('keeps ids and moves only the times with "now"', () => {
    const later = new Date(NOW.getTime() + 3 * DAY_MS + 1234);
    const a = buildSeedPlan(NOW, project).batches.flatMap((batch) => batch.events);
    const b = buildSeedPlan(later, project).batches.flatMap((batch) => batch.events);
    expect(b.map((event) => event.messageId)).toEqual(a.map((event) => event.messageId));
    expect(b.map((event) => Date.parse(event.timestamp) - later.getTime())).toEqual(
      a.map((event) => Date.parse(event.timestamp) - NOW.getTime()),
    );
  });

  it('spreads about 90 days of history before now, every messageId once', () => {
    const events = buildSeedPlan(NOW, project).batches.flatMap((batch) => batch.events);
    const times = events.map((event) => Date.parse(event.timestamp));
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThan(NOW.getTime() - 91 * DAY_MS);
    expect(Math.min(...times)).toBeLessThan(NOW.getTime() - 80 * DAY_MS);
    expect(new Set(events.map((event) => event.messageId)).size).toBe(events.length);
  });

  it('sends each user only their own events, within the collector limits', () => {
    const plan = buildSeedPlan(NOW, project);
    for (const events of plan.serverEvents) expect(events.length).toBeLessThanOrEqual(500);
    const requestOf = new Map(plan.serverEvents.flatMap((events, request) => events.map((event) => [event.userId, request] as const)));
    // One user's backend events all go in one request (their rule caps are checked in order).
    expect(plan.serverEvents.every((events, request) => events.every((event) => requestOf.get(event.userId) === request))).toBe(true);
    for (const { user, events } of plan.batches) {
      expect(events.length).toBeLessThanOrEqual(MAX_BATCH_EVENTS);
      expect(
        new TextEncoder().encode(JSON.stringify({ sentAt: NOW.toISOString(), userToken: 'x'.repeat(300), events })).byteLength,
      ).toBeLessThan(MAX_BATCH_BYTES);
      expect(events.every((event) => event.anonymousId === user.anonymousId && (event.userId ?? user.id) === user.id)).toBe(true);
    }
  });

  it('mixes engagement, plans, roles and locales, and asks the NPS only after three exports', () => {
    const plan = buildSeedPlan(NOW, project);
    expect(plan.users.length).toBeGreaterThanOrEqual(150);
    expect(new Set(plan.users.map((user) => user.engagement))).toEqual(
      new Set(['power', 'regular', 'casual', 'fading', 'churned', 'dropoff']),
    );
    expect(new Set(plan.users.map((user) => user.traits.plan))).toEqual(new Set(['free', 'pro', 'team']));
    expect(new Set(plan.users.map((user) => user.traits.role))).toEqual(new Set(['admin', 'member']));
    expect(new Set(plan.users.map((user) => user.traits.locale))).toEqual(new Set(['en', 'nb', 'id', 'ms', 'ar']));
    for (const user of plan.users) {
      const events = plan.batches.filter((batch) => batch.user === user).flatMap((batch) => batch.events);
      const asked = events.findIndex(
        (event) => event.type === 'track' && event.name === '$prompt_shown' && event.properties?.promptId === 'nps-2026',
      );
      if (asked < 0) continue;
      expect(
        events.slice(0, asked).filter((event) => event.type === 'track' && event.name === 'Report Exported').length,
      ).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(plan.responses.map((response) => response.score)).size).toBeGreaterThan(6);
  });
});
