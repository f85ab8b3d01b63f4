import type { Prompt } from '@hearth/schema';
import type { AdoptionKpis, UsageKpis } from '../../api/kpi-dashboard.js';
import type { Column } from '../../models/csv.js';
import { formatRate } from '../../models/funnel.js';
import type { Tile } from './kpi-tiles.js';

/**
 * Events the project already names as "doing the real thing" (what completes a checklist item), so
 * a product manager can pick a feature instead of remembering its event name.
 */
export function featureEvents(prompts: readonly Prompt[]): string[] {
  const names = prompts.flatMap((prompt) =>
    prompt.kind === 'checklist'
      ? prompt.content.items.flatMap((item) => (item.completeWhen.type === 'event' ? [item.completeWhen.event] : []))
      : [],
  );
  return [...new Set(names)].sort();
}

export interface UsageFigure {
  figure: string;
  value: number | null;
}

export const USAGE_COLUMNS: Column<UsageFigure>[] = [
  { header: 'Figure', value: (row) => row.figure },
  { header: 'Value', value: (row) => row.value },
];

/** One decimal is what a person compares; the CSV keeps the API's unrounded value. */
const perWeek = (value: number | null) => (value === null ? '—' : (Math.round(value * 10) / 10).toString());

/** The tiles and the exportable table show the same API figures (usage, then adoption when asked). */
export function usageFigures(usage: UsageKpis | null, adoption: AdoptionKpis | null): { tiles: Tile[]; rows: UsageFigure[] } {
  const tiles: Tile[] = [];
  const rows: UsageFigure[] = [];
  if (usage) {
    tiles.push(
      {
        label: 'Events per user per week',
        value: perWeek(usage.eventsPerUserPerWeek),
        detail: `${usage.events} events by ${usage.activeUsers} active users`,
      },
      {
        label: 'Active days per user per week',
        value: perWeek(usage.activeDaysPerUserPerWeek),
        detail: `${usage.activeDays} active user-days over ${perWeek(usage.weeks)} weeks`,
      },
    );
    rows.push(
      { figure: 'Active users', value: usage.activeUsers },
      { figure: 'Events', value: usage.events },
      { figure: 'Active user-days', value: usage.activeDays },
      { figure: 'Weeks in range', value: usage.weeks },
      { figure: 'Events per user per week', value: usage.eventsPerUserPerWeek },
      { figure: 'Active days per user per week', value: usage.activeDaysPerUserPerWeek },
    );
  }
  if (adoption) {
    tiles.push({
      label: `Adoption of ${adoption.event}`,
      value: formatRate(adoption.adoptionRate),
      detail: `${adoption.adopters} of ${adoption.activeUsers} active users did it at least once`,
    });
    rows.push(
      { figure: `Adopters of ${adoption.event}`, value: adoption.adopters },
      { figure: `Adoption rate of ${adoption.event} (%)`, value: adoption.adoptionRate },
    );
  }
  return { tiles, rows };
}
