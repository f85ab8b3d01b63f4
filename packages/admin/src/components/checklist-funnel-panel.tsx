import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ChecklistKpisAnswer } from '@hearth/schema';
import { checklistKpis, type KpiFilters } from '../api/kpi.js';
import type { PromptRecord } from '../api/prompts.js';
import type { Column } from '../models/csv.js';
import { formatDuration, formatRate, funnelChartData, funnelRows, type FunnelRow } from '../models/funnel.js';
import { BarChart } from './bar-chart.js';
import { ChecklistUpliftTable } from './checklist-uplift-table.js';
import { DataTable } from './data-table.js';
import { EmptyState } from './empty-state.js';
import { PromptPicker } from './prompt-picker.js';

const FUNNEL_COLUMNS: Column<FunnelRow>[] = [
  { header: 'Item', value: (row) => row.title },
  { header: 'Item id', value: (row) => row.itemId },
  { header: 'Users completed', value: (row) => row.completed },
  { header: 'Rate of shown (%)', value: (row) => row.rate },
];
type Summary = { figure: string; value: string };
const SUMMARY_COLUMNS: Column<Summary>[] = [
  { header: 'Figure', value: (row) => row.figure },
  { header: 'Value', value: (row) => row.value },
];

function summaryOf(kpis: ChecklistKpisAnswer): Summary[] {
  return [
    { figure: 'Users shown', value: String(kpis.shown) },
    { figure: 'Started', value: `${kpis.started} (${formatRate(kpis.startedRate)})` },
    { figure: 'Completed', value: `${kpis.completed} (${formatRate(kpis.completionRate)})` },
    { figure: 'Completed, of started', value: formatRate(kpis.completionRateOfStarted) },
    { figure: 'Median time to complete', value: formatDuration(kpis.medianTimeToCompleteMs) },
  ];
}

/**
 * The checklist funnel per item, from the checklist KPI API, as a chart and two exportable tables;
 * then, with a holdout, the checklist against its randomized control.
 */
export function ChecklistFunnelPanel({ checklists, filters }: { checklists: readonly PromptRecord[]; filters: KpiFilters }) {
  const [selected, setSelected] = useState(checklists[0]?.prompt.id ?? '');
  const [kpis, setKpis] = useState<ChecklistKpisAnswer | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!selected) return;
    setError('');
    checklistKpis(selected, filters).then(setKpis, (failure: Error) => (setKpis(null), setError(failure.message)));
  }, [selected, filters.from, filters.to, filters.trait]);
  const record = checklists.find((r) => r.prompt.id === selected);
  const titles = useMemo(
    () => new Map(record?.prompt.kind === 'checklist' ? record.prompt.content.items.map((i) => [i.id, i.title]) : []),
    [record],
  );
  const rows = kpis ? funnelRows(kpis, titles) : [];
  const chart = useMemo(() => (kpis ? funnelChartData(kpis, rows) : null), [kpis]);

  return (
    <section aria-labelledby="funnel-title" class="panel">
      <h2 id="funnel-title">Checklist funnel</h2>
      {checklists.length === 0 ? (
        <EmptyState title="No checklist to measure yet">
          Create and publish a checklist under Prompts; its funnel appears here once users see it.
        </EmptyState>
      ) : (
        <>
          <PromptPicker id="kpi-checklist" label="Checklist" records={checklists} value={selected} onChange={setSelected} />
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          {kpis && kpis.shown === 0 && (
            <EmptyState title="Nobody was shown this checklist in this range">
              Widen the dates, clear the segment, or check that the checklist is live and its audience matches someone (use “Would this user
              see it?” in the editor).
            </EmptyState>
          )}
          {kpis && kpis.shown > 0 && chart && (
            <>
              <BarChart
                horizontal
                data={chart}
                label={`Funnel: ${kpis.shown} users shown; ${rows.map((r) => `${r.title}: ${r.completed}`).join('; ')}`}
              />
              <DataTable
                folded
                caption="Checklist summary"
                rows={summaryOf(kpis)}
                columns={SUMMARY_COLUMNS}
                exportName={`${selected}-summary`}
              />
              <DataTable folded caption="Completion per item" rows={rows} columns={FUNNEL_COLUMNS} exportName={`${selected}-funnel`} />
            </>
          )}
          {kpis && <ChecklistUpliftTable uplift={kpis.uplift} titles={titles} name={selected} />}
        </>
      )}
    </section>
  );
}
