import { useMemo, useState } from 'preact/hooks';
import type { KpiFilters } from '../../api/kpi.js';
import { fullSurveyKpis, type FullSurveyKpis } from '../../api/kpi-dashboard.js';
import type { PromptRecord } from '../../api/prompts.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { PromptPicker } from '../../components/prompt-picker.js';
import type { Column } from '../../models/csv.js';
import { distributionChartData, npsGroupRows, type NpsGroupRow } from '../../models/nps.js';
import { formatRate } from '../../models/funnel.js';
import { KpiChart } from './kpi-chart.js';
import { KpiTiles } from './kpi-tiles.js';
import { CLI_COLUMNS, cliChartData, npsTrendChartData, TREND_COLUMNS } from './survey-mapping.js';
import { useKpi } from './use-kpi.js';

const GROUP_COLUMNS: Column<NpsGroupRow>[] = [
  { header: 'Group', value: (row) => row.group },
  { header: 'Responses', value: (row) => row.count },
  { header: 'Share (%)', value: (row) => row.percent },
];
const SCORE_COLUMNS: Column<{ score: number; count: number }>[] = [
  { header: 'Score', value: (row) => row.score },
  { header: 'Responses', value: (row) => row.count },
];

function NpsView({ kpis, id }: { kpis: FullSurveyKpis; id: string }) {
  const nps = kpis.nps;
  const distribution = useMemo(() => (kpis.distribution ? distributionChartData(kpis.distribution) : null), [kpis]);
  const trend = useMemo(() => (kpis.trend ? npsTrendChartData(kpis.trend.points) : null), [kpis]);
  if (!nps || !distribution || !kpis.distribution) return null;
  return (
    <>
      <KpiTiles
        label="NPS figures"
        tiles={[
          {
            label: 'NPS',
            value: nps.score === null ? '—' : String(Math.round(nps.score * 100) / 100),
            detail: `from ${nps.count} answers`,
          },
          {
            label: 'Response rate',
            value: formatRate(kpis.responseRate.rate),
            detail: `${kpis.responseRate.responses} of ${kpis.responseRate.displays} shown`,
          },
        ]}
      />
      {trend && kpis.trend && (
        <>
          <h3>Trend per week</h3>
          <KpiChart
            stacked
            data={trend}
            label={`Answers per week by group: ${kpis.trend.points.map((p) => `${p.start.slice(0, 10)}: NPS ${p.score ?? 'none'}`).join('; ')}`}
          />
          <DataTable folded caption="NPS per week" rows={kpis.trend.points} columns={TREND_COLUMNS} exportName={`${id}-nps-trend`} />
        </>
      )}
      <h3>Score distribution</h3>
      <KpiChart data={distribution} label={`Score distribution: ${kpis.distribution.map((d) => `${d.score}: ${d.count}`).join(', ')}`} />
      <DataTable folded caption="NPS groups" rows={npsGroupRows(nps)} columns={GROUP_COLUMNS} exportName={`${id}-nps-groups`} />
      <DataTable folded caption="Score distribution" rows={kpis.distribution} columns={SCORE_COLUMNS} exportName={`${id}-scores`} />
    </>
  );
}

function CliView({ kpis, record }: { kpis: FullSurveyKpis; record: PromptRecord | undefined }) {
  const cli = kpis.cli;
  const titles = useMemo(
    () =>
      new Map(
        record?.prompt.kind === 'survey' && record.prompt.content.type === 'cli'
          ? record.prompt.content.questions.map((q) => [q.id, q.text])
          : [],
      ),
    [record],
  );
  if (!cli) return null;
  const rows = cli.questions.map((q) => ({ ...q, title: titles.get(q.questionId) ?? q.questionId }));
  return (
    <>
      <KpiTiles
        label="CLI figures"
        tiles={[
          {
            label: 'Customer Loyalty Index',
            value: cli.cli === null ? '—' : String(Math.round(cli.cli * 100) / 100),
            detail: `from ${cli.count} answers`,
          },
        ]}
      />
      <KpiChart
        data={cliChartData(cli.questions, titles)}
        label={`Mean rating per question: ${rows.map((r) => `${r.title}: ${r.mean ?? 'none'}`).join('; ')}`}
      />
      <DataTable folded caption="CLI per question" rows={rows} columns={CLI_COLUMNS} exportName={`${kpis.surveyId}-cli`} />
    </>
  );
}

type CsatRow = { figure: string; value: number | null };
const CSAT_COLUMNS: Column<CsatRow>[] = [
  { header: 'Figure', value: (row) => row.figure },
  { header: 'Value', value: (row) => row.value },
];

function CsatView({ kpis }: { kpis: FullSurveyKpis }) {
  const csat = kpis.csat;
  if (!csat) return null;
  const rows: CsatRow[] = [
    { figure: 'Answers', value: csat.count },
    { figure: 'Average (1–5)', value: csat.average },
    { figure: 'Satisfied, 4 or 5 (%)', value: csat.satisfiedPct },
  ];
  return (
    <>
      <KpiTiles
        label="CSAT figures"
        tiles={[
          { label: 'CSAT', value: formatRate(csat.satisfiedPct), detail: 'answered 4 or 5' },
          {
            label: 'Average',
            value: csat.average === null ? '—' : `${Math.round(csat.average * 100) / 100} / 5`,
            detail: `from ${csat.count} answers`,
          },
        ]}
      />
      <DataTable folded caption="CSAT" rows={rows} columns={CSAT_COLUMNS} exportName={`${kpis.surveyId}-csat`} />
    </>
  );
}

const answers = (kpis: FullSurveyKpis) => kpis.nps?.count ?? kpis.cli?.count ?? kpis.csat?.count ?? 0;

/** NPS (trend, groups, 0–10), CLI or CSAT of one survey, from the survey KPI API. */
export function SurveyPanel({ surveys, filters }: { surveys: readonly PromptRecord[]; filters: KpiFilters }) {
  const [selected, setSelected] = useState(surveys[0]?.prompt.id ?? '');
  const { data: kpis, error } = useKpi(selected ? () => fullSurveyKpis(selected, filters) : null, JSON.stringify([selected, filters]));
  const record = surveys.find((r) => r.prompt.id === selected);
  return (
    <section aria-labelledby="survey-title" class="panel">
      <h2 id="survey-title">Surveys: NPS, CLI and CSAT</h2>
      {surveys.length === 0 ? (
        <EmptyState title="No survey yet">
          Create a survey under Prompts → Surveys (NPS, CLI or CSAT) and publish it; scores appear here as users answer.
        </EmptyState>
      ) : (
        <>
          <PromptPicker id="kpi-survey" label="Survey" records={surveys} value={selected} onChange={setSelected} />
          {error && (
            <p class="error" role="alert">
              {error.message}
            </p>
          )}
          {kpis && answers(kpis) === 0 && (
            <EmptyState title="No answers in this range">
              Widen the dates or clear the segment; {kpis.responseRate.displays} users were shown the survey in this range. If nobody was,
              check that it is live and that its audience matches someone (“Would this user see it?” in the editor).
            </EmptyState>
          )}
          {kpis && answers(kpis) > 0 && (
            <>
              <NpsView kpis={kpis} id={selected} />
              <CliView kpis={kpis} record={record} />
              <CsatView kpis={kpis} />
            </>
          )}
        </>
      )}
    </section>
  );
}
