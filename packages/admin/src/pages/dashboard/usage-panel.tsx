import type { Prompt } from '@hearth/schema';
import { useState } from 'preact/hooks';
import type { KpiFilters } from '../../api/kpi.js';
import { adoptionKpis, usageKpis } from '../../api/kpi-dashboard.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { CommitInput } from '../../components/commit-input.js';
import { Field } from '../../components/field.js';
import { KpiTiles } from './kpi-tiles.js';
import { featureEvents, USAGE_COLUMNS, usageFigures } from './usage-mapping.js';
import { useKpi } from './use-kpi.js';

/** Usage frequency for everyone in range, and the adoption rate of the feature event a PM picks. */
export function UsagePanel({ filters, prompts }: { filters: KpiFilters; prompts: readonly Prompt[] }) {
  const [event, setEvent] = useState('');
  const chosen = event.trim();
  const key = JSON.stringify(filters);
  const usage = useKpi(() => usageKpis(filters), key);
  const adoption = useKpi(chosen ? () => adoptionKpis(chosen, filters) : null, `${key}|${chosen}`);
  const { tiles, rows } = usageFigures(usage.data, chosen ? adoption.data : null);
  const errors = [usage.error, chosen ? adoption.error : null].filter((e) => e !== null);
  const suggestions = featureEvents(prompts);
  return (
    <section aria-labelledby="usage-title" class="panel">
      <h2 id="usage-title">Usage and feature adoption</h2>
      <Field id="kpi-feature-event" label="Feature event" hint="The event a user tracks when they use the feature, e.g. report_exported">
        {(aria) => (
          <>
            <CommitInput {...aria} list="kpi-feature-events" value={event} onCommit={setEvent} />
            <datalist id="kpi-feature-events">
              {suggestions.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      {errors.map((error) => (
        <p class="error" role="alert" key={error.code}>
          {error.message}
        </p>
      ))}
      {usage.data?.activeUsers === 0 && (
        <EmptyState title="Nobody was active in this range">
          Usage counts users with at least one event between “From” and “To”. Widen the dates, clear the segment, or check that the snippet
          is installed and consent is granted.
        </EmptyState>
      )}
      {tiles.length > 0 && <KpiTiles label="Usage figures" tiles={tiles} />}
      {rows.length > 0 && <DataTable folded caption="Usage and adoption" rows={rows} columns={USAGE_COLUMNS} exportName="usage-adoption" />}
    </section>
  );
}
