import type { KpiFilters } from '../../api/kpi.js';
import { churnKpis, cohortKpis, dropOffKpis, type ChurnKpis, type DropOffKpis } from '../../api/kpi-dashboard.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import type { Column } from '../../models/csv.js';
import { CohortHeatmap } from './cohort-heatmap.js';
import { formatRate } from '../../models/funnel.js';
import { KpiTiles, type Tile } from './kpi-tiles.js';
import { useKpi } from './use-kpi.js';

type Figure = { figure: string; value: number | null };
const FIGURE_COLUMNS: Column<Figure>[] = [
  { header: 'Figure', value: (row) => row.figure },
  { header: 'Value', value: (row) => row.value },
];

/** The tiles and the exportable table show the same API figures; the table keeps them unrounded. */
function figuresOf(churn: ChurnKpis | null, dropOff: DropOffKpis | null): { tiles: Tile[]; rows: Figure[] } {
  const tiles: Tile[] = [];
  const rows: Figure[] = [];
  if (churn) {
    tiles.push(
      {
        label: 'Churn rate',
        value: formatRate(churn.churnRate),
        detail: `${churn.lost} of ${churn.customersAtStart} active at the start went ${churn.inactivityDays} days without activity`,
      },
      {
        label: 'Retention rate',
        value: formatRate(churn.retentionRate),
        detail: `${churn.retained} of ${churn.customersAtStart} still active at the end`,
      },
    );
    rows.push(
      { figure: 'Customers at start', value: churn.customersAtStart },
      { figure: 'Retained', value: churn.retained },
      { figure: 'Lost', value: churn.lost },
      { figure: 'Churn rate (%)', value: churn.churnRate },
      { figure: 'Retention rate (%)', value: churn.retentionRate },
      { figure: 'Inactivity days (N)', value: churn.inactivityDays },
    );
  }
  if (dropOff) {
    tiles.push({
      label: `${dropOff.firstDays}-day drop-off`,
      value: formatRate(dropOff.dropOffRate),
      detail: `${dropOff.droppedOff} of ${dropOff.eligible} new users never came back after their first ${dropOff.firstDays} days (${dropOff.pending} too new to tell)`,
    });
    rows.push(
      { figure: 'New users', value: dropOff.newUsers },
      { figure: 'New users too recent to judge', value: dropOff.pending },
      { figure: 'Eligible new users', value: dropOff.eligible },
      { figure: 'Returned after 7 days', value: dropOff.returned },
      { figure: 'Dropped off', value: dropOff.droppedOff },
      { figure: 'Drop-off rate (%)', value: dropOff.dropOffRate },
    );
  }
  return { tiles, rows };
}

/** Churn, retention and 7-day drop-off tiles, and weekly cohort retention as a heatmap (docs/kpis.md). */
export function RetentionPanel({ filters }: { filters: KpiFilters }) {
  const key = JSON.stringify(filters);
  const churn = useKpi(() => churnKpis(filters), key);
  const dropOff = useKpi(() => dropOffKpis(filters), key);
  const cohorts = useKpi(() => cohortKpis(filters), key);
  const { tiles, rows } = figuresOf(churn.data, dropOff.data);
  const errors = [churn.error, dropOff.error, cohorts.error].filter((e) => e !== null);
  const noCohort = cohorts.data !== null && cohorts.data.cohorts.every((c) => c.size === 0);
  return (
    <section aria-labelledby="retention-title" class="panel">
      <h2 id="retention-title">Retention and churn</h2>
      {errors.map((error) => (
        <p class="error" role="alert" key={error.code}>
          {error.message}
        </p>
      ))}
      {churn.data?.customersAtStart === 0 && (
        <EmptyState title="No active users at the start of the range">
          Churn compares users active when the range starts with the same users at its end. Move “From” later than the first events, or
          clear the segment.
        </EmptyState>
      )}
      {tiles.length > 0 && <KpiTiles label="Retention figures" tiles={tiles} />}
      {rows.length > 0 && (
        <DataTable folded caption="Churn, retention and drop-off" rows={rows} columns={FIGURE_COLUMNS} exportName="retention-figures" />
      )}
      <h3>Weekly cohorts</h3>
      {noCohort && (
        <EmptyState title="No new users in this range">
          A cohort is the users first seen in a week of the range. Widen the dates to when users first arrived, or clear the segment; users
          seen before “From” belong to no cohort.
        </EmptyState>
      )}
      {cohorts.data && !noCohort && <CohortHeatmap kpis={cohorts.data} />}
    </section>
  );
}
