import { checklistPromptSchema } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as kpiApi from '../../api/kpi-dashboard.js';
import { featureEvents, usageFigures } from './usage-mapping.js';
import { UsagePanel } from './usage-panel.js';

vi.mock('../../api/kpi-dashboard.js', () => ({ usageKpis: vi.fn(), adoptionKpis: vi.fn() }));
const api = vi.mocked(kpiApi);
const filters = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z', trait: 'plan:pro' };

const checklist = (id: string, events: string[]) =>
  checklistPromptSchema.parse({
    id,
    kind: 'checklist',
    content: {
      title: 'Get started',
      items: [
        ...events.map((event, i) => ({ id: `e${i}`, title: `Do ${event}`, completeWhen: { type: 'event', event } })),
        { id: 'avatar', title: 'Add a photo', completeWhen: { type: 'trait', trait: 'avatarUrl', op: 'exists' } },
      ],
    },
  });

const usage = { activeUsers: 4, events: 30, activeDays: 10, weeks: 2, eventsPerUserPerWeek: 3.75, activeDaysPerUserPerWeek: 1.25 };

describe('usage mapping', () => {
  it('suggests each checklist completion event once, sorted, and no trait conditions', () => {
    expect(featureEvents([checklist('a', ['Report Exported', 'Project Created']), checklist('b', ['Project Created'])])).toEqual([
      'Project Created',
      'Report Exported',
    ]);
  });

  it('rounds tiles for reading and keeps the API values in the table rows', () => {
    const { tiles, rows } = usageFigures(
      { ...usage, eventsPerUserPerWeek: 3.7549 },
      { event: 'Report Exported', activeUsers: 4, adopters: 1, adoptionRate: 25 },
    );
    expect(tiles.map((t) => [t.label, t.value])).toEqual([
      ['Events per user per week', '3.8'],
      ['Active days per user per week', '1.3'],
      ['Adoption of Report Exported', '25%'],
    ]);
    expect(rows.find((r) => r.figure === 'Events per user per week')?.value).toBe(3.7549);
    expect(rows.at(-1)).toEqual({ figure: 'Adoption rate of Report Exported (%)', value: 25 });
  });
});

const host = document.createElement('div');
document.body.append(host);
beforeEach(() => vi.resetAllMocks());
afterEach(() => render(null, host));

async function settle(work: () => void) {
  await act(async () => {
    work();
    await Promise.resolve();
  });
}

describe('<UsagePanel>', () => {
  it('asks usage with the shared filters, and adoption only once a feature event is chosen', async () => {
    api.usageKpis.mockResolvedValue(usage);
    api.adoptionKpis.mockResolvedValue({ event: 'Report Exported', activeUsers: 4, adopters: 3, adoptionRate: 75 });
    await settle(() => render(<UsagePanel filters={filters} prompts={[checklist('a', ['Report Exported'])]} />, host));
    expect(api.usageKpis).toHaveBeenCalledWith(filters);
    expect(api.adoptionKpis).not.toHaveBeenCalled();
    expect([...host.querySelectorAll('#kpi-feature-events option')].map((o) => o.getAttribute('value'))).toEqual(['Report Exported']);

    const input = host.querySelector('#kpi-feature-event') as HTMLInputElement;
    input.value = 'Report Exported';
    await settle(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    expect(api.adoptionKpis).toHaveBeenCalledWith('Report Exported', filters);
    const tiles = [...host.querySelectorAll('.tile')].map((tile) => tile.querySelector('strong')?.textContent);
    expect(tiles).toEqual(['3.8', '1.3', '75%']);
  });

  it('explains an empty range instead of showing zeros', async () => {
    api.usageKpis.mockResolvedValue({
      activeUsers: 0,
      events: 0,
      activeDays: 0,
      weeks: 2,
      eventsPerUserPerWeek: null,
      activeDaysPerUserPerWeek: null,
    });
    await settle(() => render(<UsagePanel filters={filters} prompts={[]} />, host));
    expect(host.querySelector('.empty h3')?.textContent).toBe('Nobody was active in this range');
  });
});
