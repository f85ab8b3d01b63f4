import { describe, expect, it } from 'vitest';
import { toCsv } from '../../models/csv.js';
import { surveyAnswer } from './fixtures.js';
import { CLI_COLUMNS, cliChartData, npsTrendChartData, TREND_COLUMNS } from './survey-mapping.js';

describe('survey chart mapping', () => {
  const points = surveyAnswer.trend?.points ?? [];

  it('stacks promoters, passives and detractors per week with the API counts, one label per week', () => {
    const data = npsTrendChartData(points);
    expect(data.labels).toEqual(['2026-03-02', '2026-03-09']);
    expect(data.datasets.map((set) => [set.label, set.data])).toEqual([
      ['Promoters (9–10)', [2, 0]],
      ['Passives (7–8)', [0, 0]],
      ['Detractors (0–6)', [1, 0]],
    ]);
  });

  it('exports the trend with the API score, and an empty cell (not 0) for a week without answers', () => {
    const lines = toCsv(points, TREND_COLUMNS).split('\r\n');
    expect(lines[0]).toBe('Week from,Until (exclusive),Answers,Promoters,Passives,Detractors,NPS');
    expect(lines[1]).toBe('2026-03-02,2026-03-09,3,2,0,1,33.33');
    expect(lines[2]).toBe('2026-03-09,2026-03-16,0,0,0,0,');
  });

  it('charts CLI means per question under their titles, leaving unanswered questions as gaps', () => {
    const questions = [
      { questionId: 'recommend', count: 4, mean: 8.25 },
      { questionId: 'buy-again', count: 0, mean: null },
    ];
    const data = cliChartData(questions, new Map([['recommend', 'Would you recommend us?']]));
    expect(data.labels).toEqual(['Would you recommend us?', 'buy-again']);
    expect(data.datasets[0]?.data).toEqual([8.25, null]);
    expect(toCsv([{ ...questions[0]!, title: 'Recommend' }], CLI_COLUMNS).split('\r\n')[1]).toBe('Recommend,recommend,4,8.25');
  });
});
