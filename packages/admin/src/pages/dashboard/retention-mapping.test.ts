import { describe, expect, it } from 'vitest';
import { toCsv } from '../../models/csv.js';
import { activeUsersAnswer, cohortAnswer } from './fixtures.js';
import { ACTIVE_USER_COLUMNS, activeUsersChartData, cohortColumns, heatBucket, heatmapRows } from './retention-mapping.js';

describe('active users chart mapping', () => {
  it('charts the chosen series with the API counts and marks a period cut at the range end', () => {
    expect(activeUsersChartData(activeUsersAnswer, 'daily')).toMatchObject({
      labels: ['2026-03-02', '2026-03-03'],
      datasets: [{ data: [1, 0] }],
    });
    expect(activeUsersChartData(activeUsersAnswer, 'weekly')).toMatchObject({
      labels: ['2026-03-02', '2026-03-09 (partial)'],
      datasets: [{ data: [7, 5] }],
    });
    expect(activeUsersChartData(activeUsersAnswer, 'monthly').datasets[0]?.data).toEqual([9]);
  });

  it('exports each period with its bounds and completeness', () => {
    expect(toCsv(activeUsersAnswer.weekly, ACTIVE_USER_COLUMNS).split('\r\n').slice(0, 3)).toEqual([
      'From,Until (exclusive),Complete period,Active users',
      '2026-03-02,2026-03-09,yes,7',
      '2026-03-09,2026-03-12,no,5',
    ]);
  });
});

describe('cohort heatmap mapping', () => {
  it('shades by 20 % steps and keeps an empty cohort apart from 0 %', () => {
    expect([0, 1, 20, 20.01, 50, 99.9, 100].map(heatBucket)).toEqual([
      'heat-0',
      'heat-1',
      'heat-1',
      'heat-2',
      'heat-3',
      'heat-5',
      'heat-5',
    ]);
    expect(heatBucket(null)).toBe('heat-none');
  });

  it('keeps the triangle: one cell per observed offset with the API active count and percentage', () => {
    const rows = heatmapRows(cohortAnswer.cohorts);
    expect(rows.map((row) => row.cells.map((cell) => [cell.active, cell.retention, cell.bucket]))).toEqual([
      [
        [4, 100, 'heat-5'],
        [3, 75, 'heat-4'],
        [1, 25, 'heat-2'],
      ],
      [
        [3, 100, 'heat-5'],
        [1, 33.333333333333336, 'heat-2'],
      ],
      [[0, null, 'heat-none']],
    ]);
  });

  it('exports one column per week offset with the unrounded API percentages', () => {
    const lines = toCsv(cohortAnswer.cohorts, cohortColumns(cohortAnswer.cohorts, 'week')).split('\r\n');
    expect(lines[0]).toBe('Cohort from,New users,Week 0 (%),Week 1 (%),Week 2 (%)');
    expect(lines[1]).toBe('2026-03-02,4,100,75,25');
    expect(lines[2]).toBe('2026-03-09,3,100,33.333333333333336,');
    expect(lines[3]).toBe('2026-03-16,0,,,');
  });
});
