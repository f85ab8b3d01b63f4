import type { AnnouncementRecord } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as announcementApi from '../../api/announcements.js';
import { AnnouncementPanel } from './announcement-panel.js';
import { announcementAnswer } from './fixtures.js';

vi.mock('../../api/announcements.js', () => ({ listAnnouncements: vi.fn(), announcementKpis: vi.fn() }));
const api = vi.mocked(announcementApi);
const from = '2026-03-02T00:00:00.000Z';
const to = '2026-03-16T00:00:00.000Z';
const published = { announcement: { id: 'dark-mode', publishAt: '2026-03-01T00:00:00.000Z' } } as AnnouncementRecord;

const host = document.createElement('div');
document.body.append(host);
beforeEach(() => vi.resetAllMocks());
afterEach(() => render(null, host));

async function show(filters: { from: string; to: string; trait?: string }) {
  await act(async () => {
    render(<AnnouncementPanel filters={filters} />, host);
    await Promise.resolve();
  });
  await act(() => Promise.resolve());
}

describe('<AnnouncementPanel>', () => {
  it("asks the newest published announcement's KPIs up to the range's end, for the dashboard's trait segment when one is set", async () => {
    api.listAnnouncements.mockResolvedValue([published]);
    api.announcementKpis.mockResolvedValue(announcementAnswer);
    await show({ from, to, trait: 'plan:pro' });
    expect(api.announcementKpis).toHaveBeenLastCalledWith('dark-mode', to, 'trait:plan:pro');
    expect(host.textContent).toContain('6 read it');
    await show({ from, to });
    expect(api.announcementKpis).toHaveBeenLastCalledWith('dark-mode', to, undefined);
  });
});
