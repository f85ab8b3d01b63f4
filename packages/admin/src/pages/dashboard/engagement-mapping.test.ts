import { describe, expect, it } from 'vitest';
import { toCsv } from '../../models/csv.js';
import { ADOPTION_COLUMNS, adoptionRows, announcementChartData, pointsChartData, tierChartData } from './engagement-mapping.js';
import { announcementAnswer, rewardsAnswer } from './fixtures.js';

describe('announcement chart mapping', () => {
  it('charts reach, read and click with the API user counts', () => {
    expect(announcementChartData(announcementAnswer)).toMatchObject({
      labels: ['Reached', 'Read', 'Clicked the call to action'],
      datasets: [{ data: [8, 6, 3] }],
    });
  });

  it('lists exposed and control adoption with the API rates, users who already used the feature apart', () => {
    const adoption = announcementAnswer.adoption!;
    expect(toCsv(adoptionRows(adoption), ADOPTION_COLUMNS).split('\r\n').slice(1, 3)).toEqual([
      'Saw the announcement,6,3,50,2',
      '"In the audience, did not see it (control)",4,1,25,0',
    ]);
  });
});

describe('rewards chart mapping', () => {
  it('charts points issued, redeemed and expired as the API counted them', () => {
    expect(pointsChartData(rewardsAnswer).datasets[0]?.data).toEqual([450, 200, 0]);
  });

  it('names tiers from the program, and members below every tier', () => {
    const data = tierChartData(rewardsAnswer, new Map([['silver', 'Silver']]));
    expect(data.labels).toEqual(['Below every tier', 'Silver', 'gold']);
    expect(data.datasets[0]?.data).toEqual([2, 2, 1]);
  });
});
