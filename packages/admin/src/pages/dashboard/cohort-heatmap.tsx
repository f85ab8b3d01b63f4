import type { CohortKpis } from '../../api/kpi-dashboard.js';
import { download, toCsv } from '../../models/csv.js';
import { formatRate } from '../../models/funnel.js';
import { dayOf } from './format.js';
import { cohortColumns, heatmapRows } from './retention-mapping.js';

/**
 * Weekly cohort retention as a heatmap table: Chart.js has no matrix chart in its core, and a table
 * with a caption and headers reads well to everyone. Cell shade comes from a class per 20 % step.
 */
export function CohortHeatmap({ kpis }: { kpis: CohortKpis }) {
  const rows = heatmapRows(kpis.cohorts);
  const offsets = Math.max(0, ...kpis.cohorts.map((c) => c.retention.length));
  const unit = kpis.period === 'week' ? 'Week' : 'Month';
  const exportCsv = () => download(`cohort-retention-${kpis.period}.csv`, toCsv(kpis.cohorts, cohortColumns(kpis.cohorts, kpis.period)));
  return (
    <div class="table-wrap">
      <table class="heatmap">
        <caption>
          Cohort retention: % of each {kpis.period}'s new users active {unit.toLowerCase()} by {unit.toLowerCase()}{' '}
          <button type="button" class="secondary" onClick={exportCsv}>
            Export CSV
          </button>
        </caption>
        <thead>
          <tr>
            <th scope="col">Cohort from</th>
            <th scope="col">New users</th>
            {Array.from({ length: offsets }, (_, offset) => (
              <th scope="col" key={offset}>
                {unit} {offset}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ cohort, cells }) => (
            <tr key={cohort.start}>
              <th scope="row">
                {dayOf(cohort.start)}
                {!cohort.complete && ' (partial)'}
              </th>
              <td>{cohort.size}</td>
              {Array.from({ length: offsets }, (_, offset) => {
                const cell = cells[offset];
                if (!cell) return <td key={offset} class="heat-out" aria-label="not observed yet" />;
                return (
                  <td key={offset} class={cell.bucket} title={`${cell.active} of ${cohort.size} users`}>
                    {formatRate(cell.retention)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
