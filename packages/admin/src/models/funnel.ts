import type { ChecklistKpis } from '@hearth/schema';

export interface FunnelRow {
  itemId: string;
  title: string;
  completed: number;
  /** Percent of users shown, as the KPI API computed it; null when nobody was shown. */
  rate: number | null;
}

/** The funnel in checklist order: "shown" first, then each item with the API's numbers unchanged. */
export function funnelRows(kpis: ChecklistKpis, titles: ReadonlyMap<string, string>): FunnelRow[] {
  return kpis.items.map((item) => ({
    itemId: item.itemId,
    title: titles.get(item.itemId) ?? item.itemId,
    completed: item.completed,
    rate: item.rate,
  }));
}

export interface BarChartData {
  labels: string[];
  datasets: { label: string; data: number[] }[];
}

/** Chart.js data: one bar for users shown, then one per item (users who completed it). */
export function funnelChartData(kpis: ChecklistKpis, rows: readonly FunnelRow[]): BarChartData {
  return {
    labels: ['Shown the checklist', ...rows.map((row) => row.title)],
    datasets: [{ label: 'Users', data: [kpis.shown, ...rows.map((row) => row.completed)] }],
  };
}

/** Two decimals for reading; exports keep the API's unrounded value. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100) / 100}%`);

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = ms / 3_600_000;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}
