import {
  OVERVIEW_PERIODS,
  type KpiOverviewAnswer,
  type OverviewCard,
  type OverviewKpi,
  type ProjectConfig,
  type SurveyPrompt,
} from '@hearth/schema';
import { holdoutUnit, inRewardsHoldout } from '../domain/rewards/holdout.js';
import { churnKpis, type RetentionCounts } from '../kpi/churn.js';
import { cliKpi } from '../kpi/cli.js';
import { npsKpi } from '../kpi/nps.js';
import { changeOf, figure, overviewPeriods, programRoi, type Figure, type Period } from '../kpi/overview.js';
import { revenueKpis, type ClvNote } from '../kpi/revenue.js';
import { pointsIssued } from '../kpi/rewards.js';
import type { SurveyResponseRow } from '../kpi/survey-rows.js';
import { DAY_MS } from '../domain/time.js';
import type { CustomerPeriodRow } from '../storage/revenue/revenue-store.js';
import type { Store } from '../storage/store.js';

const cite = (section: string) => `docs/reference/kpi-definitions.md: ${section}`;

/** Each card: its heading, unit and the definition it follows, in the order the console shows them. */
const CARDS: Record<OverviewKpi, Pick<OverviewCard, 'label' | 'unit' | 'definition'>> = {
  nps: { label: 'NPS', unit: 'score', definition: cite('Net Promoter Score (NPS)') },
  cli: { label: 'CLI', unit: 'score', definition: cite('Customer Loyalty Index (CLI)') },
  retention: { label: 'Retention', unit: 'percent', definition: cite('Churn rate and retention rate') },
  churn: { label: 'Churn', unit: 'percent', definition: cite('Churn rate and retention rate') },
  mrr: { label: 'MRR', unit: 'money', definition: cite('Revenue and customer lifetime value (CLV) → MRR') },
  clv: { label: 'CLV', unit: 'money', definition: cite('Revenue and customer lifetime value (CLV) → CLV') },
  programRoi: { label: 'Program ROI', unit: 'percent', definition: cite('Loyalty program impact → Program ROI') },
};

const CLV_NOTES: Record<Exclude<ClvNote, 'lifetime_capped' | null>, string> = {
  no_paying_customers: 'No customer was paying at the end of the period.',
  no_customers_at_start: 'No customer was paying at the start of the period, so churn is unknown.',
  no_churn: 'No paying customer churned in the period: the lifetime, and so CLV, has no bound.',
};

/** What one period contributes to every card. */
type PeriodFigures = Record<OverviewKpi, Figure>;

/** Digits of each currency's minor unit, once per currency: building a NumberFormat loads ICU data (~10 ms the first time). */
const digitsByCurrency = new Map<string, number>();

/** Digits of the currency's minor unit (2 for EUR, 0 for JPY): the point value is in major units. */
function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * The overview's cards for `range` (docs/reference/kpi-definitions.md, "Overview cards"): each
 * headline KPI over the range and the {@link OVERVIEW_PERIODS} − 1 periods of the same length
 * before it, from the same kpi/ functions as the KPI routes, so a card matches its panel.
 */
export async function kpiOverview(store: Store, project: ProjectConfig, range: { from: Date; to: Date }): Promise<KpiOverviewAnswer> {
  const periods = overviewPeriods({ from: range.from.getTime(), to: range.to.getTime() }, OVERVIEW_PERIODS);
  const span = { from: new Date(periods[0]!.from), to: range.to };
  // Each read covers all periods at once (retention, revenue and the ledger's entries in one statement each,
  // the answers over the whole span) and they run together: the PostgreSQL KPI pool has two
  // connections, and SQLite's reader takes the next statement without a round trip in between.
  const bounds = [periods[0]!.from, ...periods.map((period) => period.to)];
  const [answers, counts, revenue, pointsIssued] = await Promise.all([
    surveyAnswers(store, project, span),
    store.kpi.retentionSeries(project.id, { bounds, inactivityMs: project.inactivityDays * DAY_MS }),
    project.revenue ? store.revenue.customerPeriodSeries(project.id, bounds) : null,
    pointsIssuedOf(store, project, periods),
  ]);
  const figures = periods.map((period, i) =>
    periodFigures(project, period, { answers, counts: counts[i]!, revenue: revenue?.[i] ?? null, pointsIssued: pointsIssued?.[i] ?? null }),
  );

  const previous = periods[periods.length - 2]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    definition: cite('Overview cards'),
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    previousRange: { from: iso(previous.from), to: iso(previous.to) },
    inactivityDays: project.inactivityDays,
    currency: project.revenue?.currency ?? null,
    cards: (Object.keys(CARDS) as OverviewKpi[]).map((kpi) => {
      const { unit } = CARDS[kpi];
      const series = periods.map((period, i) => ({ from: iso(period.from), to: iso(period.to), ...figures[i]![kpi] }));
      const current = series[series.length - 1]!.value;
      const before = series[series.length - 2]!.value;
      return {
        kpi,
        ...CARDS[kpi],
        current,
        previous: before,
        change: changeOf(unit, current, before),
        changeKind: unit === 'money' ? 'relative' : 'points',
        series,
      };
    }),
  };
}

interface Answers {
  surveys: SurveyPrompt[];
  rows: SurveyResponseRow[];
}

/** The NPS and CLI surveys' answers over the whole span: each period folds its own from them. */
async function surveyAnswers(store: Store, project: ProjectConfig, span: { from: Date; to: Date }) {
  const surveys = (await store.prompts.list(project.id)).flatMap((record) => (record.prompt.kind === 'survey' ? [record.prompt] : []));
  const answersOf = async (type: 'nps' | 'cli'): Promise<Answers> => {
    const chosen = surveys.filter((survey) => survey.content.type === type);
    const rows = (await Promise.all(chosen.map((survey) => store.responses.list(project.id, survey.id, span)))).flat();
    return { surveys: chosen, rows };
  };
  const [nps, cli] = await Promise.all([answersOf('nps'), answersOf('cli')]);
  return { nps, cli };
}

/**
 * Points issued in each period, from one read of the ledger over all of them; null when the
 * program ROI has nothing to weigh them against (no revenue, holdout or point value).
 */
async function pointsIssuedOf(store: Store, project: ProjectConfig, periods: readonly Period[]): Promise<number[] | null> {
  const program = project.rewards;
  if (!project.revenue || !program?.holdout || program.pointValue === undefined) return null;
  const entries = await store.rewards.entriesBetween(project.id, periods[0]!.from, periods.at(-1)!.to);
  const at = entries.map((entry) => Date.parse(entry.at));
  return periods.map((period) => pointsIssued(entries.filter((_, i) => at[i]! >= period.from && at[i]! < period.to)));
}

interface PeriodReads {
  answers: { nps: Answers; cli: Answers };
  counts: RetentionCounts;
  /** The period's revenue rows; null when the project records no revenue. */
  revenue: CustomerPeriodRow[] | null;
  pointsIssued: number | null;
}

function periodFigures(project: ProjectConfig, period: Period, { answers, counts, revenue, pointsIssued }: PeriodReads): PeriodFigures {
  const range = { from: new Date(period.from), to: new Date(period.to) };
  const query = { range, now: range.to };
  const churn = churnKpis(counts);
  const noCustomers = `Nobody was active at the start of the period (active = an event in the ${project.inactivityDays} days before it).`;
  const questionIds = answers.cli.surveys.flatMap((survey) =>
    survey.content.type === 'cli' ? survey.content.questions.map((q) => q.id) : [],
  );
  return {
    nps: answers.nps.surveys.length
      ? figure(npsKpi(answers.nps.rows, query).score, 'No NPS answers in this period.')
      : figure(null, 'The project has no NPS survey yet.'),
    cli: answers.cli.surveys.length
      ? figure(cliKpi(answers.cli.rows, { ...query, questionIds }).cli, 'No CLI answers in this period.')
      : figure(null, 'The project has no CLI survey yet.'),
    retention: figure(churn.retentionRate, noCustomers),
    churn: figure(churn.churnRate, noCustomers),
    ...revenueFigures(project, period, revenue, pointsIssued),
  };
}

/** MRR, CLV and the program ROI: all three fold the period's revenue rows. */
function revenueFigures(
  project: ProjectConfig,
  period: Period,
  rows: CustomerPeriodRow[] | null,
  pointsIssued: number | null,
): Pick<PeriodFigures, 'mrr' | 'clv' | 'programRoi'> {
  const config = project.revenue;
  if (!config || !rows) {
    const none = figure(null, 'The project records no revenue: set its currency under Settings → Revenue.');
    return { mrr: none, clv: none, programRoi: none };
  }
  const kpis = revenueKpis(rows, config, period);
  return {
    mrr: figure(kpis.mrr, 'No revenue facts recorded up to the end of this period.'),
    clv: figure(kpis.clv, kpis.clvNote && kpis.clvNote !== 'lifetime_capped' ? CLV_NOTES[kpis.clvNote] : 'No revenue facts recorded.'),
    programRoi: roiFigure(project, period, rows, pointsIssued),
  };
}

function roiFigure(project: ProjectConfig, period: Period, rows: CustomerPeriodRow[], pointsIssued: number | null): Figure {
  const program = project.rewards;
  if (!program) return figure(null, 'The project has no rewards program.');
  if (!program.holdout) return figure(null, 'The rewards program has no holdout: set one to measure what the program adds.');
  if (program.pointValue === undefined || pointsIssued === null)
    return figure(null, "Set the rewards program's point value to price the points it gives.");
  const digits = minorDigits(project.revenue!.currency);
  // The point value is a decimal of the currency's major unit (0.01 €): exact to a millionth of a minor unit.
  const pointValueMinor = { n: BigInt(Math.round(program.pointValue * 10 ** digits * 1e6)), d: 1_000_000n };
  return programRoi({
    customers: rows,
    // The sampled unit's customers only: users, or accounts (a user customer's accounts are not read here).
    inHoldout: (customer) => (customer.kind === holdoutUnit(program) ? inRewardsHoldout(program, project.id, customer.id) : null),
    pointsIssued,
    pointValueMinor,
    period,
  });
}
