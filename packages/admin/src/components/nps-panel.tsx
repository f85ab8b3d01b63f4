import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KpiFilters } from '../api/kpi.js';
import type { PromptRecord } from '../api/prompts.js';
import { surveyKpis, type SurveyKpis } from '../api/surveys.js';
import type { Column } from '../models/csv.js';
import { formatRate } from '../models/funnel.js';
import { distributionChartData, npsGroupRows, type NpsGroupRow } from '../models/nps.js';
import { BarChart } from './bar-chart.js';
import { DataTable } from './data-table.js';
import { EmptyState } from './empty-state.js';
import { PromptPicker } from './prompt-picker.js';

const GROUP_COLUMNS: Column<NpsGroupRow>[] = [
  { header: 'Group', value: (row) => row.group },
  { header: 'Responses', value: (row) => row.count },
  { header: 'Share (%)', value: (row) => row.percent },
];
const SCORE_COLUMNS: Column<{ score: number; count: number }>[] = [
  { header: 'Score', value: (row) => row.score },
  { header: 'Responses', value: (row) => row.count },
];

/** NPS from the survey KPI API: score, groups, and the 0–10 distribution as a chart. */
export function NpsPanel({ surveys, filters }: { surveys: readonly PromptRecord[]; filters: KpiFilters }) {
  const [selected, setSelected] = useState(surveys[0]?.prompt.id ?? '');
  const [kpis, setKpis] = useState<SurveyKpis | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (!selected) return;
    setError('');
    surveyKpis(selected, filters).then(setKpis, (failure: Error) => (setKpis(null), setError(failure.message)));
  }, [selected, filters.from, filters.to, filters.trait]);
  const chart = useMemo(() => (kpis?.distribution ? distributionChartData(kpis.distribution) : null), [kpis]);
  const nps = kpis?.nps;

  return (
    <section aria-labelledby="nps-title" class="panel">
      <h2 id="nps-title">Net Promoter Score</h2>
      {surveys.length === 0 ? (
        <EmptyState title="No survey yet">Create an NPS survey prompt (docs/surveys.md) and publish it; scores appear here as users answer.</EmptyState>
      ) : (
        <>
          <PromptPicker id="kpi-survey" label="Survey" records={surveys} value={selected} onChange={setSelected} />
          {error && <p class="error" role="alert">{error}</p>}
          {kpis && !nps && <EmptyState title="Not an NPS survey">CLI and CSAT charts are not in the console yet; use the survey KPI API.</EmptyState>}
          {nps && nps.count === 0 && (
            <EmptyState title="No answers in this range">
              Widen the dates or clear the segment; {kpis.responseRate.displays} users were shown the survey in this range.
            </EmptyState>
          )}
          {nps && nps.count > 0 && chart && kpis.distribution && (
            <>
              <p class="big-figure">
                NPS <strong>{nps.score ?? '—'}</strong> from {nps.count} answers; response rate {formatRate(kpis.responseRate.rate)}
              </p>
              <BarChart data={chart} label={`Score distribution: ${kpis.distribution.map((d) => `${d.score}: ${d.count}`).join(', ')}`} />
              <DataTable caption="NPS groups" rows={npsGroupRows(nps)} columns={GROUP_COLUMNS} exportName={`${selected}-nps-groups`} />
              <DataTable caption="Score distribution" rows={kpis.distribution} columns={SCORE_COLUMNS} exportName={`${selected}-scores`} />
            </>
          )}
        </>
      )}
    </section>
  );
}
