import type { ChecklistKpisAnswer, ChecklistPrompt } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as kpiApi from '../api/kpi.js';
import type { PromptRecord } from '../api/prompts.js';
import { comparison } from '../pages/dashboard/fixtures.js';
import { ChecklistFunnelPanel } from './checklist-funnel-panel.js';

vi.mock('../api/kpi.js', () => ({ checklistKpis: vi.fn() }));
const api = vi.mocked(kpiApi);
const filters = { from: '2026-03-02T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

const record = {
  prompt: {
    id: 'setup',
    kind: 'checklist',
    content: {
      title: 'Set up',
      items: [
        { id: 'create', title: 'Create a project' },
        { id: 'invite', title: 'Invite a teammate' },
      ],
    },
  } as unknown as ChecklistPrompt,
  version: 1,
} as PromptRecord;

const SMALL =
  'Too few to tell: each group needs at least 30 subjects and the control group has fewer (users shown the checklist: 90, the control group: 8).';

const kpis = (uplift: ChecklistKpisAnswer['uplift']): ChecklistKpisAnswer => ({
  promptId: 'setup',
  definition: 'docs/reference/kpi-definitions.md: Engagement and adoption → Onboarding / checklist',
  range: filters,
  segment: null,
  shown: 90,
  started: 60,
  completed: 30,
  startedRate: (60 / 90) * 100,
  completionRate: (30 / 90) * 100,
  completionRateOfStarted: 50,
  medianTimeToCompleteMs: 3_600_000,
  items: [
    { itemId: 'create', completed: 60, rate: (60 / 90) * 100 },
    { itemId: 'invite', completed: 30, rate: (30 / 90) * 100 },
  ],
  uplift,
});

const host = document.createElement('div');
document.body.append(host);
beforeEach(() => vi.resetAllMocks());
afterEach(() => render(null, host));

async function show(data: ChecklistKpisAnswer) {
  api.checklistKpis.mockResolvedValue(data);
  await act(async () => {
    render(<ChecklistFunnelPanel checklists={[record]} filters={filters} />, host);
    await Promise.resolve();
  });
}
const rowText = (metric: string) =>
  [...host.querySelectorAll('tr')].find((row) => row.textContent?.startsWith(metric))?.textContent ?? null;

describe('<ChecklistFunnelPanel> uplift', () => {
  it('shows each uplift row with both sizes, the difference, its interval and verdict, and the too-small warning', async () => {
    await show(
      kpis({
        percent: 10,
        assigned: { exposed: 100, control: 12 },
        actionDays: 14,
        retentionDays: { from: 8, to: 30 },
        items: [
          { itemId: 'create', comparison: comparison([90, 70], [8, 50], [20, -12.5, 45.25], SMALL) },
          { itemId: 'invite', comparison: comparison([90, 40], [8, 25], [15, -20, 38], SMALL) },
        ],
        allItems: comparison([90, 35], [8, 25], [10, -22, 33], SMALL),
        retention: comparison([60, 55], [0, null], null, SMALL),
      }),
    );
    expect(host.textContent).toContain('10% of the audience held out at random');
    expect(host.textContent).toContain('assigned in range: 100 shown, 12 control');
    const headers = [...host.querySelectorAll('table')].at(-1)!.querySelectorAll('th');
    expect([...headers].map((th) => th.textContent)).toEqual(['Metric', 'Shown', 'Control', 'Difference', '95 % interval', 'Verdict']);
    expect(rowText('Did “Create a project” within 14 days (%)')).toBe(
      'Did “Create a project” within 14 days (%)70% (n = 90)50% (n = 8)+20 pts−12.5 to 45.25 ptsToo few to tell',
    );
    expect(rowText('Did every item within 14 days (%)')).toContain('35% (n = 90)25% (n = 8)+10 pts');
    // An empty control has no rate and no interval: dashes, never 0.
    expect(rowText('Active in days 8–30 after (%)')).toBe('Active in days 8–30 after (%)55% (n = 60)— (n = 0)——Too few to tell');
    const notes = [...host.querySelectorAll('p.hint[role="note"]')].map((p) => p.textContent);
    expect(notes).toEqual([SMALL]);
  });

  it('says how to get a control group when the checklist has no holdout', async () => {
    await show(kpis(null));
    expect(host.textContent).toContain('No control group');
    expect(host.textContent).toContain('Give the checklist a holdout');
    expect(host.textContent).not.toContain('Shown vs control');
  });
});
