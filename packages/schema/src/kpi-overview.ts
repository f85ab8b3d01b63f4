import { z } from 'zod';

/**
 * The dashboard's overview (docs/reference/kpi-definitions.md, "Overview cards"): one answer with
 * each headline KPI for the chosen period, the period before it and a short series of the periods
 * before those, so the console draws every card, its change and its sparkline from one request.
 */

/** How many periods of the chosen length each card's series holds, the chosen one last. */
export const OVERVIEW_PERIODS = 6;

export const OVERVIEW_KPIS = ['nps', 'cli', 'retention', 'churn', 'mrr', 'clv', 'programRoi'] as const;

const isoInstant = z.string().describe('ISO 8601 date-time');

/** One period's figure: null (never 0) when the period has no data, with the reason in `note`. */
export const overviewPointSchema = z.object({
  from: isoInstant.describe('Inclusive.'),
  to: isoInstant.describe('Exclusive.'),
  value: z.number().nullable(),
  note: z.string().nullable().describe('Why value is null, in a plain sentence; null when there is a value.'),
});

export const overviewCardSchema = z.object({
  kpi: z.enum(OVERVIEW_KPIS),
  label: z.string().describe('The card heading: NPS, CLI, Retention, Churn, MRR, CLV, Program ROI.'),
  unit: z
    .enum(['score', 'percent', 'money'])
    .describe('`score`: NPS (−100…100) or CLI (10…100); `percent`: a rate; `money`: minor units of `currency`.'),
  definition: z.string().describe('The section of docs/reference/kpi-definitions.md the figure follows.'),
  current: z.number().nullable(),
  previous: z.number().nullable(),
  change: z
    .number()
    .nullable()
    .describe(
      'current − previous in points for scores and rates; for money (current − previous) ÷ previous × 100, two decimals; null when either is null (or, for money, previous is 0).',
    ),
  changeKind: z.enum(['points', 'relative']),
  series: z
    .array(overviewPointSchema)
    .describe(`The last ${OVERVIEW_PERIODS} periods, oldest first; the last two are previous and current.`),
});

/** `GET /v1/admin/kpi/overview`. */
export const kpiOverviewAnswerSchema = z.object({
  definition: z.string(),
  range: z.object({ from: isoInstant, to: isoInstant }),
  previousRange: z.object({ from: isoInstant, to: isoInstant }),
  inactivityDays: z.number().int(),
  currency: z.string().nullable().describe('The currency of the money cards; null when the project records no revenue.'),
  cards: z.array(overviewCardSchema),
});

export type OverviewKpi = (typeof OVERVIEW_KPIS)[number];
export type OverviewPoint = z.infer<typeof overviewPointSchema>;
export type OverviewCard = z.infer<typeof overviewCardSchema>;
export type KpiOverviewAnswer = z.infer<typeof kpiOverviewAnswerSchema>;
