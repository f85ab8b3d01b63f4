import type { NpsSummary } from '@hearth/schema';
import type { BarChartData } from './funnel.js';

/** Score distribution 0–10 as Chart.js data: one bar per score, every score present even at 0. */
export function distributionChartData(distribution: readonly { score: number; count: number }[]): BarChartData {
  const counts = Array.from({ length: 11 }, (_, score) => distribution.find((entry) => entry.score === score)?.count ?? 0);
  return { labels: counts.map((_, score) => String(score)), datasets: [{ label: 'Responses', data: counts }] };
}

export interface NpsGroupRow {
  group: 'Promoters (9–10)' | 'Passives (7–8)' | 'Detractors (0–6)';
  count: number;
  percent: number | null;
}

/** The three NPS groups with the API's counts and percentages, unchanged. */
export function npsGroupRows(nps: NpsSummary): NpsGroupRow[] {
  return [
    { group: 'Promoters (9–10)', count: nps.promoters, percent: nps.promotersPct },
    { group: 'Passives (7–8)', count: nps.passives, percent: nps.passivesPct },
    { group: 'Detractors (0–6)', count: nps.detractors, percent: nps.detractorsPct },
  ];
}
