import { describe, expect, it } from 'vitest';
import type { SqlReader } from '../sql/runner.js';
import { checklistUpliftCounts } from './checklist-uplift-sql.js';

const query = {
  promptId: 'onboarding',
  items: [{ id: 'create', completeWhen: { type: 'event' as const, event: 'Project Created' } }],
  from: new Date('2026-03-02T00:00:00.000Z'),
  to: new Date('2026-04-11T00:00:00.000Z'),
  actionMs: 14 * 86_400_000,
  activeMs: { from: 7 * 86_400_000, to: 30 * 86_400_000 },
};

describe('checklist uplift counts', () => {
  it('fold new events into the rollup once before each read, segmented or not, as every rollup read does', async () => {
    const steps: string[] = [];
    const read: SqlReader = {
      dialect: 'sqlite',
      time: (ms) => ms,
      all: <T>() => (steps.push('read'), [] as T[]),
    };
    const uplift = checklistUpliftCounts(read, () => void steps.push('refresh'));
    await uplift('p', query);
    await uplift('p', { ...query, segment: { kind: 'at-risk', days: 7 } });
    expect(steps).toEqual(['refresh', 'read', 'refresh', 'read']);
  });
});
