import { describe, expect, it } from 'vitest';
import { distributionChartData, npsGroupRows } from './nps.js';

describe('NPS chart mapping', () => {
  it('charts every score 0–10 in order, filling scores nobody gave with 0', () => {
    const data = distributionChartData([
      { score: 10, count: 4 },
      { score: 3, count: 1 },
      { score: 9, count: 2 },
    ]);
    expect(data.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(data.datasets[0]?.data).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 4]);
  });

  it('lists the groups with the API figures unchanged', () => {
    const rows = npsGroupRows({
      count: 7,
      promoters: 6,
      passives: 0,
      detractors: 1,
      promotersPct: 85.71,
      passivesPct: 0,
      detractorsPct: 14.29,
      score: 71.42,
    });
    expect(rows.map((row) => [row.group, row.count, row.percent])).toEqual([
      ['Promoters (9–10)', 6, 85.71],
      ['Passives (7–8)', 0, 0],
      ['Detractors (0–6)', 1, 14.29],
    ]);
  });
});
