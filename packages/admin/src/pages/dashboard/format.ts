/** The UTC day of an ISO instant: KPI periods are counted in UTC from `from`. */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** A chart's data: every API value in order; null leaves a gap (a period with no answers is not 0). */
export interface SeriesChartData {
  labels: string[];
  datasets: { label: string; data: (number | null)[]; color?: string }[];
}

/** Colours that keep 3:1 contrast against the white panel (WCAG non-text contrast). */
export const COLORS = { primary: '#2f5fb3', good: '#1d6b35', neutral: '#8a6d00', bad: '#b3261e', muted: '#5b6472' } as const;
