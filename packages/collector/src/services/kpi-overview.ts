import {
  OVERVIEW_PERIODS,
  type KpiOverviewAnswer,
  type OverviewCard,
  type OverviewKpi,
  type ProjectConfig,
  type SurveyPrompt,
} from '@hearth/schema';
import { holdoutUnit, inRewardsHoldout } from '../domain/rewards/holdout.js';
import { churnKpis } from '../kpi/churn.js';
import { cliKpi } from '../kpi/cli.js';
import { npsKpi } from '../kpi/nps.js';
import { changeOf, figure, overviewPeriods, programRoi, type Figure, type Period } from '../kpi/overview.js';
import { revenueKpis, type ClvNote } from '../kpi/revenue.js';
import { rewardsKpis } from '../kpi/rewards.js';
import type { SurveyResponseRow } from '../kpi/survey-rows.js';
import { DAY_MS } from '../domain/time.js';
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

/** Digits of the currency's minor unit (2 for EUR, 0 for JPY): the point value is in major units. */
const minorDigits = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/**
 * The overview's cards for `range` (docs/reference/kpi-definitions.md, "Overview cards"): each
 * headline KPI over the range and the {@link OVERVIEW_PERIODS} − 1 periods of the same length
 * before it, from the same kpi/ functions as the KPI routes, so a card matches its panel.
 */
export async function kpiOverview(store: Store, project: ProjectConfig, range: { from: Date; to: Date }): Promise<KpiOverviewAnswer> {
  const periods = overviewPeriods({ from: range.from.getTime(), to: range.to.getTime() }, OVERVIEW_PERIODS);
  const span = { from: new Date(periods[0]!.from), to: range.to };
  const surveys = (await store.prompts.list(project.id)).flatMap((record) => (record.prompt.kind === 'survey' ? [record.prompt] : []));
  const answersOf = async (type: 'nps' | 'cli') => {
    const chosen = surveys.filter((survey) => survey.content.type === type);
    const rows = (await Promise.all(chosen.map((survey) => store.responses.list(project.id, survey.id, span)))).flat();
    return { surveys: chosen, rows };
  };
  const [nps, cli] = await Promise.all([answersOf('nps'), answersOf('cli')]);
  const figures: PeriodFigures[] = [];
  for (const period of periods) figures.push(await periodFigures(store, project, period, { nps, cli }));

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

async function periodFigures(
  store: Store,
  project: ProjectConfig,
  period: Period,
  answers: { nps: Answers; cli: Answers },
): Promise<PeriodFigures> {
  const range = { from: new Date(period.from), to: new Date(period.to) };
  const query = { range, now: range.to };
  const counts = await store.kpi.retentionCounts(project.id, { ...range, inactivityMs: project.inactivityDays * DAY_MS });
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
    ...(await revenueFigures(store, project, period)),
  };
}

/** MRR, CLV and the program ROI: all three read the period's revenue rows, once. */
async function revenueFigures(
  store: Store,
  project: ProjectConfig,
  period: Period,
): Promise<Pick<PeriodFigures, 'mrr' | 'clv' | 'programRoi'>> {
  const config = project.revenue;
  if (!config) {
    const none = figure(null, 'The project records no revenue: set its currency under Settings → Revenue.');
    return { mrr: none, clv: none, programRoi: none };
  }
  const rows = await store.revenue.customerPeriods(project.id, period.from, period.to);
  const kpis = revenueKpis(rows, config, period);
  return {
    mrr: figure(kpis.mrr, 'No revenue facts recorded up to the end of this period.'),
    clv: figure(kpis.clv, kpis.clvNote && kpis.clvNote !== 'lifetime_capped' ? CLV_NOTES[kpis.clvNote] : 'No revenue facts recorded.'),
    programRoi: await roiFigure(store, project, period, rows),
  };
}

async function roiFigure(
  store: Store,
  project: ProjectConfig,
  period: Period,
  rows: Parameters<typeof programRoi>[0]['customers'],
): Promise<Figure> {
  const program = project.rewards;
  if (!program) return figure(null, 'The project has no rewards program.');
  if (!program.holdout) return figure(null, 'The rewards program has no holdout: set one to measure what the program adds.');
  if (program.pointValue === undefined) return figure(null, "Set the rewards program's point value to price the points it gives.");
  const activity = await store.rewards.activity(project.id, period.from, period.to);
  const digits = minorDigits(project.revenue!.currency);
  // The point value is a decimal of the currency's major unit (0.01 €): exact to a millionth of a minor unit.
  const pointValueMinor = { n: BigInt(Math.round(program.pointValue * 10 ** digits * 1e6)), d: 1_000_000n };
  return programRoi({
    customers: rows,
    // The sampled unit's customers only: users, or accounts (a user customer's accounts are not read here).
    inHoldout: (customer) => (customer.kind === holdoutUnit(program) ? inRewardsHoldout(program, project.id, customer.id) : null),
    pointsIssued: rewardsKpis(activity, program.tiers, period).pointsIssued,
    pointValueMinor,
    period,
  });
}
