import type { GroupMetrics, ProgramImpactAnswer } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as kpiApi from '../../api/kpi-dashboard.js';
import { comparison } from './fixtures.js';
import { ProgramImpactPanel } from './program-impact-panel.js';

vi.mock('../../api/kpi-dashboard.js', () => ({ programImpactKpis: vi.fn() }));
const api = vi.mocked(kpiApi);
const filters = { from: '2026-03-02T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

const metrics = (revenue: GroupMetrics['revenue']): GroupMetrics => ({
  retention: comparison([40, 80], [40, 70], [10, -5, 25]),
  churn: comparison([40, 20], [40, 30], [-10, -25, 5]),
  usageFrequency: comparison([50, 3], [45, 2.5], [0.5, -0.1, 1.1]),
  nps: null,
  revenue,
});
const answer = (currency: string | null, revenue: GroupMetrics['revenue']): ProgramImpactAnswer => ({
  definition: 'docs/reference/kpi-definitions.md: Loyalty program impact',
  range: filters,
  inactivityDays: 30,
  npsSurveyId: null,
  currency,
  program: {
    activeCustomers: 90,
    activeMembers: 45,
    membershipRate: 50,
    redemptionRate: 20,
    pointsIssued30d: 1000,
    pointsRedeemed30d: 200,
    outstandingPoints: 800,
    pointValue: 0.01,
    pointsLiability: 8,
  },
  membersVsNonMembers: metrics(revenue),
  byTier: [],
  holdout: { percent: 10, unit: 'account', exposedVsHoldout: metrics(revenue) },
});

const host = document.createElement('div');
document.body.append(host);
beforeEach(() => vi.resetAllMocks());
afterEach(() => render(null, host));

async function show(data: ProgramImpactAnswer) {
  api.programImpactKpis.mockResolvedValue(data);
  await act(async () => {
    render(<ProgramImpactPanel filters={filters} />, host);
    await Promise.resolve();
  });
}
const rowText = (table: Element, metric: string) =>
  [...table.querySelectorAll('tr')].find((row) => row.textContent?.startsWith(metric))?.textContent ?? null;

describe('<ProgramImpactPanel>', () => {
  it('shows ARPA in major units with its interval and sizes, the CLVs side by side, and the too-small warning', async () => {
    // ARPA: 12 paying customers at €45.00 against 3 at €30.00 (minor units 4,500 and 3,000): too few for an interval.
    const revenue = {
      arpa: comparison([12, 4500], [3, 3000], null),
      clv: {
        exposed: 54_000,
        control: null,
        exposedNote: null,
        controlNote: 'no_churn' as const,
        exposedPayingAtStart: 10,
        controlPayingAtStart: 3,
      },
    };
    await show(answer('EUR', revenue));
    const [members, holdout] = [...host.querySelectorAll('table')];
    expect(host.textContent).toContain('10% of accounts held out at random');
    // The holdout draws accounts: its sizes count accounts, its usage is per account; members stay users.
    expect(rowText(holdout!, 'ARPA (EUR per month)')).toBe('ARPA (EUR per month)45 (n = 12 accounts)30 (n = 3 accounts)——Too few to tell');
    expect(rowText(holdout!, 'Events per active account per week')).toContain('3 (n = 50 accounts)2.5 (n = 45 accounts)');
    expect(rowText(members!, 'Retention rate (%)')).toBe(
      'Retention rate (%)80% (n = 40)70% (n = 40)+10 pts−5 to 25 ptsNo difference detectable',
    );
    expect(rowText(members!, 'Events per active user per week')).toContain('3 (n = 50)');
    const notes = [...host.querySelectorAll('p.hint')].map((p) => p.textContent);
    expect(notes).toContain('Too few to tell: the holdout has fewer than 30 subjects.');
    expect(notes.find((text) => text?.startsWith('CLV'))).toMatch(
      /^CLV \(no interval: a ratio over each group's churn\): Members €540\.00, 10 paying at the start; Non-members — \(nobody churned, so no lifetime to measure\), 3 paying at the start\.$/,
    );
  });

  it('leaves ARPA and CLV out when the project records no revenue', async () => {
    await show(answer(null, null));
    expect(host.textContent).not.toContain('ARPA');
    expect(host.textContent).not.toContain('CLV');
  });
});
