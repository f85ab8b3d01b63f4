import { useMemo, useState } from 'preact/hooks';
import type { KpiFilters } from '../../api/kpi.js';
import { activeUsersKpis } from '../../api/kpi-dashboard.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Field } from '../../components/field.js';
import { KpiChart } from './kpi-chart.js';
import { ACTIVE_USER_COLUMNS, activeUsersChartData, type Granularity } from './retention-mapping.js';
import { useKpi } from './use-kpi.js';

const GRANULARITIES: { value: Granularity; label: string }[] = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly (7 days)' },
  { value: 'monthly', label: 'Monthly (30 days)' },
];

/** Distinct active users per day, 7-day week or 30-day month of the range (docs/kpis.md). */
export function ActiveUsersPanel({ filters }: { filters: KpiFilters }) {
  const [granularity, setGranularity] = useState<Granularity>('daily');
  const { data, error } = useKpi(() => activeUsersKpis(filters), JSON.stringify(filters));
  const chart = useMemo(() => (data ? activeUsersChartData(data, granularity) : null), [data, granularity]);
  const points = data?.[granularity] ?? [];
  return (
    <section aria-labelledby="active-title" class="panel">
      <h2 id="active-title">Active users</h2>
      <Field id="kpi-granularity" label="Per">
        {(aria) => (
          <select {...aria} value={granularity} onChange={(e) => setGranularity(e.currentTarget.value as Granularity)}>
            {GRANULARITIES.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {error && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      {data && data.daily.every((p) => p.activeUsers === 0) && (
        <EmptyState title="Nobody was active in this range">
          Check that the Hearth snippet is on your app's pages and that consent is granted, then widen the dates or clear the segment (a
          segment only matches users identified with that trait).
        </EmptyState>
      )}
      {chart && data?.daily.some((p) => p.activeUsers > 0) && (
        <>
          <KpiChart
            type="line"
            data={chart}
            label={`Active users: ${points.map((p) => `${p.start.slice(0, 10)}: ${p.activeUsers}`).join('; ')}`}
          />
          <DataTable
            folded
            caption={`Active users, ${granularity}`}
            rows={points}
            columns={ACTIVE_USER_COLUMNS}
            exportName={`active-users-${granularity}`}
          />
        </>
      )}
    </section>
  );
}
