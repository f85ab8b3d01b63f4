import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as kpiApi from '../../api/kpi-dashboard.js';
import type { PromptRecord } from '../../api/prompts.js';
import { activeUsersAnswer, churnAnswer, cohortAnswer, dropOffAnswer, surveyAnswer } from './fixtures.js';
import { ActiveUsersPanel } from './active-users-panel.js';
import { RetentionPanel } from './retention-panel.js';
import { SurveyPanel } from './survey-panel.js';

vi.mock('../../api/kpi-dashboard.js', () => ({
  activeUsersKpis: vi.fn(),
  churnKpis: vi.fn(),
  cohortKpis: vi.fn(),
  dropOffKpis: vi.fn(),
  fullSurveyKpis: vi.fn(),
}));
const api = vi.mocked(kpiApi);
const filters = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z', trait: 'plan:pro' };

const host = document.createElement('div');
document.body.append(host);
beforeEach(() => vi.resetAllMocks());
afterEach(() => render(null, host));

/** Renders, then lets the mocked API answers settle and the panel re-render. */
async function show(node: preact.ComponentChild) {
  await act(async () => {
    render(node, host);
    await Promise.resolve();
  });
}
const rows = (caption: RegExp) =>
  [...host.querySelectorAll('table')].find((t) => caption.test(t.caption?.textContent ?? ''))?.querySelectorAll('tbody tr') ?? [];
const cells = (row: Element | undefined) => [...(row?.children ?? [])].map((cell) => cell.textContent);

describe('<RetentionPanel>', () => {
  it('asks every KPI with the shared filters and shows the API figures as tiles and a heatmap', async () => {
    api.churnKpis.mockResolvedValue(churnAnswer);
    api.dropOffKpis.mockResolvedValue(dropOffAnswer);
    api.cohortKpis.mockResolvedValue(cohortAnswer);
    await show(<RetentionPanel filters={filters} />);
    for (const call of [api.churnKpis, api.dropOffKpis, api.cohortKpis]) expect(call).toHaveBeenCalledWith(filters);
    const tiles = [...host.querySelectorAll('.tile')].map((tile) => [
      tile.querySelector('dt')?.textContent,
      tile.querySelector('strong')?.textContent,
    ]);
    expect(tiles).toEqual([
      ['Churn rate', '66.67%'],
      ['Retention rate', '33.33%'],
      ['7-day drop-off', '50%'],
    ]);
    const heat = rows(/Cohort retention/);
    expect(cells(heat[0])).toEqual(['2026-03-02', '4', '100%', '75%', '25%']);
    expect([...(heat[1]?.querySelectorAll('td') ?? [])].map((td) => td.className)).toEqual(['', 'heat-5', 'heat-2', 'heat-out']);
    expect(cells(heat[2])).toEqual(['2026-03-16 (partial)', '0', '—', '', '']);
  });

  it('explains what to do instead of an empty heatmap and a churn of nobody', async () => {
    api.churnKpis.mockResolvedValue({ ...churnAnswer, customersAtStart: 0, retained: 0, lost: 0, churnRate: null, retentionRate: null });
    api.dropOffKpis.mockResolvedValue(dropOffAnswer);
    api.cohortKpis.mockResolvedValue({
      period: 'week',
      cohorts: cohortAnswer.cohorts.map((c) => ({ ...c, size: 0, active: c.active.map(() => 0), retention: c.retention.map(() => null) })),
    });
    await show(<RetentionPanel filters={filters} />);
    const empty = [...host.querySelectorAll('.empty h3')].map((h) => h.textContent);
    expect(empty).toEqual(['No active users at the start of the range', 'No new users in this range']);
    expect(host.querySelector('table.heatmap')).toBeNull();
  });
});

describe('<ActiveUsersPanel>', () => {
  it('tables the daily series by default, and another series when chosen', async () => {
    api.activeUsersKpis.mockResolvedValue(activeUsersAnswer);
    await show(<ActiveUsersPanel filters={filters} />);
    expect([...rows(/Active users, daily/)].map(cells)).toEqual([
      ['2026-03-02', '2026-03-03', 'yes', '1'],
      ['2026-03-03', '2026-03-04', 'yes', '0'],
    ]);
    const select = host.querySelector('#kpi-granularity') as HTMLSelectElement;
    select.value = 'weekly';
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    expect([...rows(/Active users, weekly/)].map(cells)).toEqual([
      ['2026-03-02', '2026-03-09', 'yes', '7'],
      ['2026-03-09', '2026-03-12', 'no', '5'],
    ]);
    expect(api.activeUsersKpis).toHaveBeenCalledTimes(1);
  });
});

describe('<SurveyPanel>', () => {
  const survey = { prompt: { id: 'nps-q1', kind: 'survey', name: 'NPS Q1', content: { type: 'nps' } } } as unknown as PromptRecord;

  it('shows the API NPS, weekly trend and 0–10 distribution for the chosen survey', async () => {
    api.fullSurveyKpis.mockResolvedValue(surveyAnswer);
    await show(<SurveyPanel surveys={[survey]} filters={filters} />);
    expect(api.fullSurveyKpis).toHaveBeenCalledWith('nps-q1', filters);
    expect(host.querySelector('.tile strong')?.textContent).toBe('71.43');
    expect(cells(rows(/NPS per week/)[0])).toEqual(['2026-03-02', '2026-03-09', '3', '2', '0', '1', '33.33']);
    expect(cells(rows(/NPS per week/)[1])?.at(-1)).toBe('—');
    expect([...rows(/NPS groups/)].map(cells)).toEqual([
      ['Promoters (9–10)', '6', '85.71'],
      ['Passives (7–8)', '0', '0'],
      ['Detractors (0–6)', '1', '14.29'],
    ]);
  });

  it('says nobody answered, with how many were shown, instead of empty charts', async () => {
    api.fullSurveyKpis.mockResolvedValue({
      ...surveyAnswer,
      nps: { ...surveyAnswer.nps!, count: 0 },
      responseRate: { displays: 4, responses: 0, rate: 0 },
    });
    await show(<SurveyPanel surveys={[survey]} filters={filters} />);
    expect(host.querySelector('.empty')?.textContent).toContain('4 users were shown the survey');
    expect(host.querySelector('canvas')).toBeNull();
  });
});
