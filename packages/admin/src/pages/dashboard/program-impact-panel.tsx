import type { GroupMetrics } from '@hearth/schema';
import type { KpiFilters } from '../../api/kpi.js';
import { programImpactKpis } from '../../api/kpi-dashboard.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { KpiTiles } from './kpi-tiles.js';
import { clvText, comparisonColumns, comparisonRows, programTiles, warningsOf, type Subject } from './program-impact-mapping.js';
import { useKpi } from './use-kpi.js';

function ComparisonTable({
  caption,
  metrics,
  exposed,
  control,
  name,
  currency,
  subject = 'user',
}: {
  caption: string;
  metrics: GroupMetrics;
  exposed: string;
  control: string;
  name: string;
  currency: string | null;
  subject?: Subject;
}) {
  const rows = comparisonRows(metrics, currency, subject);
  const clv = clvText(metrics, currency, exposed, control);
  return (
    <>
      <DataTable caption={caption} rows={rows} columns={comparisonColumns(exposed, control, subject)} exportName={name} />
      {clv && <p class="hint">{clv}</p>}
      {warningsOf(rows).map((warning) => (
        <p class="hint" role="note" key={warning}>
          {warning}
        </p>
      ))}
    </>
  );
}

/**
 * The rewards program's impact: program figures, members against non-members (association) and,
 * with a holdout, exposed against holdout (cause; accounts when the holdout draws accounts, and
 * then its sizes say so), each difference with its 95 % interval.
 */
export function ProgramImpactPanel({ filters }: { filters: KpiFilters }) {
  const { data, error } = useKpi(() => programImpactKpis(filters), JSON.stringify([filters.from, filters.to]));
  return (
    <section aria-labelledby="program-impact-title" class="panel">
      <h2 id="program-impact-title">Program impact</h2>
      {error && (
        <p class={error.code === 'no_rewards_program' ? 'hint' : 'error'} role={error.code === 'no_rewards_program' ? undefined : 'alert'}>
          {error.message}
        </p>
      )}
      {data && (
        <>
          <KpiTiles label="Program figures" tiles={programTiles(data)} />
          <ComparisonTable
            caption="Members vs non-members (members chose to join: association, not cause)"
            metrics={data.membersVsNonMembers}
            exposed="Members"
            control="Non-members"
            name="members-vs-non-members"
            currency={data.currency}
          />
          {data.holdout ? (
            <ComparisonTable
              caption={`Exposed vs holdout (${data.holdout.percent}% of ${data.holdout.unit === 'account' ? 'accounts' : 'users'} held out at random: the program's effect)`}
              metrics={data.holdout.exposedVsHoldout}
              exposed="Exposed"
              control="Holdout"
              name="exposed-vs-holdout"
              currency={data.currency}
              subject={data.holdout.unit}
            />
          ) : (
            <EmptyState title="No holdout">
              Set the program's holdout (for example 10 %) to keep a random share of users out of it; their figures then show what the
              program causes.
            </EmptyState>
          )}
          {data.byTier.map((tier) => (
            <ComparisonTable
              key={tier.tierId ?? 'none'}
              caption={`Tier ${tier.tierId ?? '(below every tier)'}: ${tier.members} members vs non-members`}
              metrics={tier.metrics}
              exposed={tier.tierId ?? 'No tier'}
              control="Non-members"
              name={`tier-${tier.tierId ?? 'none'}`}
              currency={data.currency}
            />
          ))}
        </>
      )}
    </section>
  );
}
