import type { ChecklistKpisAnswer, RevenueKpisAnswer } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as announcementApi from '../../api/announcements.js';
import * as checklistApi from '../../api/kpi.js';
import * as kpiApi from '../../api/kpi-dashboard.js';
import { announcementAnswer, churnAnswer, dropOffAnswer, surveyAnswer } from './fixtures.js';
import { SegmentSplitPanel } from './segment-split-panel.js';

vi.mock('../../api/kpi-dashboard.js', () => ({
  churnKpis: vi.fn(),
  dropOffKpis: vi.fn(),
  usageKpis: vi.fn(),
  fullSurveyKpis: vi.fn(),
  revenueKpis: vi.fn(),
}));
vi.mock('../../api/kpi.js', () => ({ checklistKpis: vi.fn() }));
vi.mock('../../api/announcements.js', () => ({ announcementKpis: vi.fn() }));
const announcements = vi.mocked(announcementApi);
const api = vi.mocked(kpiApi);
const checklists = vi.mocked(checklistApi);
const filters = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z', trait: 'plan:pro' };

const host = document.createElement('div');
document.body.append(host);
beforeEach(() => vi.resetAllMocks());
afterEach(() => render(null, host));

const checklist = (shown: number, completionRate: number | null): ChecklistKpisAnswer => ({
  promptId: 'setup',
  definition: 'docs/reference/kpi-definitions.md: Engagement and adoption → Onboarding / checklist',
  range: { from: filters.from, to: filters.to },
  segment: null,
  shown,
  started: 0,
  completed: 0,
  startedRate: null,
  completionRate,
  completionRateOfStarted: null,
  medianTimeToCompleteMs: null,
  items: [],
  uplift: null,
});
const revenue = (mrr: number | null, payingCustomers: number) => ({ mrr, payingCustomers }) as RevenueKpisAnswer;
/** Everyone, the trial users (nobody shown the checklist: a null rate, not 0) and the long-time users. */
const BY_SEGMENT: Record<string, { checklist: ChecklistKpisAnswer; nps: number | null; reach: number; revenue: RevenueKpisAnswer }> = {
  '': { checklist: checklist(10, 40), nps: 71.43, reach: 8, revenue: revenue(17_000, 3) },
  'lifecycle:trial': { checklist: checklist(0, null), nps: -100, reach: 3, revenue: revenue(7_000, 2) },
  'lifecycle:long-time': { checklist: checklist(4, 75), nps: 100, reach: 5, revenue: revenue(10_000, 1) },
};
const of = (f: { segment?: string }) => BY_SEGMENT[f.segment ?? '']!;

const rows = () => [...host.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent));

describe('<SegmentSplitPanel>', () => {
  it('shows the checklist, survey, announcement and revenue figures of trial and long-time users beside everyone, in one click', async () => {
    api.churnKpis.mockResolvedValue(churnAnswer);
    api.dropOffKpis.mockResolvedValue(dropOffAnswer);
    api.usageKpis.mockRejectedValue(new Error('offline'));
    checklists.checklistKpis.mockImplementation(async (_id, f = {}) => of(f).checklist);
    api.fullSurveyKpis.mockImplementation(async (_id, f) => ({ ...surveyAnswer, nps: { ...surveyAnswer.nps!, score: of(f).nps } }));
    api.revenueKpis.mockImplementation(async (f) => of(f).revenue);
    announcements.announcementKpis.mockImplementation(async (_id, _to, segment) => ({
      ...announcementAnswer,
      reach: of(segment ? { segment } : {}).reach,
    }));
    await act(async () => {
      render(
        <SegmentSplitPanel filters={filters} prompts={{ checklistId: 'setup', surveyId: 'nps-q1', announcementId: 'dark-mode' }} />,
        host,
      );
      await Promise.resolve();
    });
    await act(async () => {
      [...host.querySelectorAll('button')].find((b) => b.textContent === 'Trial vs long-time')!.click();
      await Promise.resolve();
    });
    await act(async () => {
      await Promise.resolve();
    });
    // Each group asks with the dashboard's range and its own segment (the dashboard's trait filter is not mixed in).
    for (const segment of ['lifecycle:trial', 'lifecycle:long-time']) {
      const scoped = { from: filters.from, to: filters.to, segment };
      expect(checklists.checklistKpis).toHaveBeenCalledWith('setup', scoped);
      expect(api.fullSurveyKpis).toHaveBeenCalledWith('nps-q1', scoped);
      expect(api.revenueKpis).toHaveBeenCalledWith(scoped);
      // Announcement KPIs count from publication: the range's end and the segment only.
      expect(announcements.announcementKpis).toHaveBeenCalledWith('dark-mode', filters.to, segment);
    }
    expect([...host.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Metric',
      'All users',
      'lifecycle:trial',
      'lifecycle:long-time',
    ]);
    const table = rows();
    expect(table).toContainEqual(['Checklist: shown', '10', '0', '4']);
    expect(table).toContainEqual(['Checklist: completion rate (%)', '40', '—', '75']);
    expect(table).toContainEqual(['Survey: NPS', '71.43', '-100', '100']);
    expect(table).toContainEqual(['Announcement: reach', '8', '3', '5']);
    expect(table).toContainEqual(['MRR (minor units)', '17000', '7000', '10000']);
    expect(table).toContainEqual(['Paying customers', '3', '2', '1']);
    // A failed answer shows as no figure.
    expect(table).toContainEqual(['Active users', '—', '—', '—']);
  });

  it('leaves out checklist, survey, announcement and revenue rows when the project has none of them', async () => {
    api.churnKpis.mockResolvedValue(churnAnswer);
    api.dropOffKpis.mockResolvedValue(dropOffAnswer);
    api.usageKpis.mockRejectedValue(new Error('offline'));
    api.revenueKpis.mockRejectedValue(new Error('revenue_not_configured'));
    await act(async () => {
      render(<SegmentSplitPanel filters={filters} />, host);
      await Promise.resolve();
    });
    expect(checklists.checklistKpis).not.toHaveBeenCalled();
    expect(api.fullSurveyKpis).not.toHaveBeenCalled();
    expect(announcements.announcementKpis).not.toHaveBeenCalled();
    expect(rows().map((row) => row[0])).toEqual([
      'Active users',
      'Events per active user per week',
      'Customers at the start',
      'Retention rate (%)',
      'Churn rate (%)',
      'New users',
      'Early drop-off rate (%)',
    ]);
  });
});
