import { useEffect, useState } from 'preact/hooks';
import type { KpiFilters } from '../../api/kpi.js';
import { rewardsKpis, type RewardsKpis } from '../../api/kpi-dashboard.js';
import { getSettings } from '../../api/settings.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import type { Column } from '../../models/csv.js';
import { pointsChartData, tierChartData, tierName } from './engagement-mapping.js';
import { formatRate } from '../../models/funnel.js';
import { KpiChart } from './kpi-chart.js';
import { KpiTiles } from './kpi-tiles.js';
import { useKpi } from './use-kpi.js';

type Figure = { figure: string; value: number | null };
const FIGURE_COLUMNS: Column<Figure>[] = [
  { header: 'Figure', value: (row) => row.figure },
  { header: 'Value', value: (row) => row.value },
];
const figuresOf = (k: RewardsKpis): Figure[] => [
  { figure: 'Points issued', value: k.pointsIssued },
  { figure: 'Points redeemed', value: k.pointsRedeemed },
  { figure: 'Points expired', value: k.pointsExpired },
  { figure: 'Redemption rate (%)', value: k.redemptionRate },
  { figure: 'Active members', value: k.activeMembers },
];

function RewardsView({ kpis, names }: { kpis: RewardsKpis; names: ReadonlyMap<string, string> }) {
  const tierColumns: Column<RewardsKpis['tierDistribution'][number]>[] = [
    { header: 'Tier', value: (row) => tierName(row.tierId, names) },
    { header: 'Members', value: (row) => row.members },
  ];
  return (
    <>
      <KpiTiles
        label="Rewards figures"
        tiles={[
          {
            label: 'Redemption rate',
            value: formatRate(kpis.redemptionRate),
            detail: `${kpis.pointsRedeemed} of ${kpis.pointsIssued} points issued`,
          },
          { label: 'Active members', value: String(kpis.activeMembers), detail: 'earned or spent points in the range' },
        ]}
      />
      <KpiChart
        data={pointsChartData(kpis)}
        label={`Points issued ${kpis.pointsIssued}, redeemed ${kpis.pointsRedeemed}, expired ${kpis.pointsExpired}`}
      />
      <DataTable folded caption="Points" rows={figuresOf(kpis)} columns={FIGURE_COLUMNS} exportName="rewards-points" />
      <h3>Tier distribution</h3>
      <KpiChart
        data={tierChartData(kpis, names)}
        label={`Members per tier: ${kpis.tierDistribution.map((t) => `${tierName(t.tierId, names)}: ${t.members}`).join('; ')}`}
      />
      <DataTable
        folded
        caption="Members per tier (lifetime points, now)"
        rows={kpis.tierDistribution}
        columns={tierColumns}
        exportName="rewards-tiers"
      />
    </>
  );
}

/** Points issued vs redeemed and members per tier, from the rewards KPI API (docs/rewards.md). */
export function RewardsPanel({ filters }: { filters: KpiFilters }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    // Tier names are only labels: without them the chart shows tier ids.
    getSettings().then(
      (s) => setNames(new Map((s.rewards?.tiers ?? []).map((t) => [t.id, t.name]))),
      () => {},
    );
  }, []);
  const { data: kpis, error } = useKpi(() => rewardsKpis(filters), JSON.stringify([filters.from, filters.to]));
  const notConfigured = error?.code === 'rewards_not_configured';
  return (
    <section aria-labelledby="rewards-title" class="panel">
      <h2 id="rewards-title">Rewards</h2>
      <p class="hint">For every member: the rewards KPI API takes no segment.</p>
      {notConfigured && (
        <EmptyState title="No rewards program">
          Add a `rewards` section (earning rules, tiers, catalog) to hearth.config.json and restart the collector; see docs/rewards.md.
        </EmptyState>
      )}
      {error && !notConfigured && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      {kpis && kpis.pointsIssued === 0 && kpis.pointsRedeemed === 0 && kpis.activeMembers === 0 && (
        <EmptyState title="No points moved in this range">
          Widen the dates, or check that earning rules match the events your app sends (Prompts → Rewards lists them).
        </EmptyState>
      )}
      {kpis && (kpis.pointsIssued > 0 || kpis.pointsRedeemed > 0 || kpis.activeMembers > 0) && <RewardsView kpis={kpis} names={names} />}
    </section>
  );
}
