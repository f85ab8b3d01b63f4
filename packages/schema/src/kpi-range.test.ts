import { describe, expect, it } from 'vitest';
import { kpiRangeSchema } from './kpi-range.js';

const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const D = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const issues = (query: Record<string, string>) => {
  const parsed = kpiRangeSchema(NOW).safeParse(query);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('kpiRangeSchema', () => {
  it('defaults to the 30 days up to now and keeps other parameters out of the range', () => {
    expect(kpiRangeSchema(NOW).parse({ trait: 'plan:pro' })).toEqual({ from: new Date(NOW - 30 * D), to: new Date(NOW) });
  });

  it('reads explicit offsets as the instant they name', () => {
    expect(kpiRangeSchema(NOW).parse({ from: '2026-03-01T01:00:00+01:00', to: '2026-03-01T00:00:00-02:00' })).toEqual({
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-01T02:00:00Z'),
    });
  });

  it.each([
    [{ from: '2026-02-30T00:00:00Z' }, ['from']],
    [{ from: '2025-02-29T00:00:00Z', to: iso(NOW) }, ['from']],
    [{ to: '2026-11-01T00:00:00' }, ['to']],
    [{ from: '1' }, ['from']],
    [{ from: '2026-11-01' }, ['from']],
    [{ from: iso(NOW - 367 * D) }, ['from']],
    [{ from: iso(NOW - 400 * D), to: iso(NOW) }, ['to']],
    [{ from: iso(NOW), to: iso(NOW - 1) }, ['from']],
  ])('%o → issue on %o', (query, paths) => {
    expect(issues(query)).toEqual(paths);
  });

  it('allows exactly 366 days and an empty range', () => {
    expect(issues({ from: iso(NOW - 366 * D) })).toEqual([]);
    expect(issues({ from: iso(NOW), to: iso(NOW) })).toEqual([]);
    expect(issues({ from: '2024-02-29T00:00:00Z', to: '2024-03-01T00:00:00Z' })).toEqual([]);
  });
});
