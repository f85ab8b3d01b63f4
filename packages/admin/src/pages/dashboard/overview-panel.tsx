import type { KpiOverviewAnswer, OverviewCard } from '@hearth/schema';
import type { KpiFilters } from '../../api/kpi.js';
import { overviewKpis } from '../../api/kpi-dashboard.js';
import { formatChange, formatFigure, periodLabel, seriesSummary } from './overview-format.js';
import { Sparkline } from './sparkline.js';
import { useKpi } from './use-kpi.js';

/** A figure for a person and, in `value`, the API's raw number (minor units for money) for a machine. */
function Figure({ card, value, currency, testId }: { card: OverviewCard; value: number | null; currency: string | null; testId: string }) {
  const text = formatFigure(card, value, currency);
  return value === null ? (
    <span data-testid={testId}>{text}</span>
  ) : (
    <data value={String(value)} data-testid={testId}>
      {text}
    </data>
  );
}

/**
 * One headline KPI: a region named by its heading ("MRR"), the figure for the period, the previous
 * period's and the change, a sparkline of the last periods, and why a figure is missing.
 */
function Card({ card, currency }: { card: OverviewCard; currency: string | null }) {
  const titleId = `overview-${card.kpi}`;
  const current = card.series[card.series.length - 1];
  const previous = card.series[card.series.length - 2];
  const anyValue = card.series.some((point) => point.value !== null);
  return (
    <section class="overview-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{card.label}</h3>
      <dl>
        <div class="overview-current">
          <dt>This period</dt>
          <dd>
            <Figure card={card} value={card.current} currency={currency} testId="overview-current" />
          </dd>
        </div>
        <div>
          <dt>Previous period</dt>
          <dd>
            <Figure card={card} value={card.previous} currency={currency} testId="overview-previous" />
          </dd>
        </div>
        <div>
          <dt>Change{card.changeKind === 'relative' ? ' (relative)' : ''}</dt>
          <dd data-testid="overview-change">{formatChange(card)}</dd>
        </div>
      </dl>
      {anyValue && <Sparkline values={card.series.map((point) => point.value)} label={seriesSummary(card, currency)} />}
      {current?.note && <p class="hint">{current.note}</p>}
      {!current?.note && previous?.note && <p class="hint">Previous period: {previous.note}</p>}
    </section>
  );
}

function Cards({ answer }: { answer: KpiOverviewAnswer }) {
  const previous = periodLabel(answer.previousRange);
  return (
    <>
      <p class="hint">
        {periodLabel(answer.range)}, compared with the previous period of the same length ({previous}). Scores and rates change in points,
        money relative to the previous period. The cards cover the whole project; the segment applies to the other tabs.
      </p>
      <div class="overview-cards">
        {answer.cards.map((card) => (
          <Card key={card.kpi} card={card} currency={answer.currency} />
        ))}
      </div>
    </>
  );
}

/** The dashboard's first tab: the headline KPIs of the project (docs/kpis.md, the overview endpoint). */
export function OverviewPanel({ filters }: { filters: KpiFilters }) {
  const { data, error } = useKpi(() => overviewKpis(filters), JSON.stringify([filters.from, filters.to]));
  return (
    <section aria-labelledby="overview-title" class="panel" aria-busy={!data && !error}>
      <h2 id="overview-title">Overview</h2>
      {error && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      {data && <Cards answer={data} />}
    </section>
  );
}
