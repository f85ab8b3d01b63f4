import { describe, expect, it } from 'vitest';
import type { ChecklistKpisAnswer } from '@hearth/schema';
import { toCsv } from './csv.js';
import { formatDuration, funnelChartData, funnelRows } from './funnel.js';

const kpis: ChecklistKpisAnswer = {
  promptId: 'onboarding',
  definition: 'docs/reference/kpi-definitions.md: Engagement and adoption → Onboarding / checklist',
  range: { from: '2026-10-23T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' },
  segment: null,
  shown: 3,
  started: 2,
  completed: 1,
  startedRate: 66.67,
  completionRate: 33.33,
  completionRateOfStarted: 50,
  medianTimeToCompleteMs: 7_200_000,
  items: [
    { itemId: 'create', completed: 2, rate: 66.67 },
    { itemId: 'invite', completed: 1, rate: 33.33 },
  ],
  uplift: null,
};

describe('checklist funnel chart mapping', () => {
  it('charts users shown, then each item in checklist order with the API numbers unchanged', () => {
    const rows = funnelRows(kpis, new Map([['create', 'Create a project']]));
    expect(rows).toEqual([
      { itemId: 'create', title: 'Create a project', completed: 2, rate: 66.67 },
      { itemId: 'invite', title: 'invite', completed: 1, rate: 33.33 },
    ]);
    expect(funnelChartData(kpis, rows)).toEqual({
      labels: ['Shown the checklist', 'Create a project', 'invite'],
      datasets: [{ label: 'Users', data: [3, 2, 1] }],
    });
  });

  it('formats durations for people', () => {
    expect(formatDuration(7_200_000)).toBe('2.0 h');
    expect(formatDuration(300_000)).toBe('5 min');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('CSV export', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    const csv = toCsv(
      [
        { a: 'x, "y"', b: 2 },
        { a: '=HYPERLINK("evil")', b: null },
      ],
      [
        { header: 'A', value: (r: { a: string; b: number | null }) => r.a },
        { header: 'B', value: (r) => r.b },
      ],
    );
    expect(csv).toBe('A,B\r\n"x, ""y""",2\r\n"\'=HYPERLINK(""evil"")",\r\n');
  });
});
