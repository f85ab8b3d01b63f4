import type { AdoptionGroup, AnnouncementKpis } from '@hearth/schema';
import type { RewardsKpis } from '../../api/kpi-dashboard.js';
import type { Column } from '../../models/csv.js';
import { COLORS, type SeriesChartData } from './format.js';

/** Reach → read → clicked, users as the announcement KPI API counts them. */
export function announcementChartData(kpis: AnnouncementKpis): SeriesChartData {
  return {
    labels: ['Reached', 'Read', 'Clicked the call to action'],
    datasets: [{ label: 'Users', data: [kpis.reach, kpis.read, kpis.ctaClicks], color: COLORS.primary }],
  };
}

export interface AdoptionRow extends AdoptionGroup {
  group: string;
}

export function adoptionRows(adoption: NonNullable<AnnouncementKpis['adoption']>): AdoptionRow[] {
  return [
    { group: 'Saw the announcement', ...adoption.exposed },
    { group: 'In the audience, did not see it (control)', ...adoption.control },
  ];
}

export const ADOPTION_COLUMNS: Column<AdoptionRow>[] = [
  { header: 'Group', value: (r) => r.group },
  { header: 'Users', value: (r) => r.users },
  { header: 'Adopted the feature', value: (r) => r.adopted },
  { header: 'Adoption rate (%)', value: (r) => r.rate },
  { header: 'Already using (not counted)', value: (r) => r.alreadyUsing },
];

export function pointsChartData(kpis: RewardsKpis): SeriesChartData {
  return {
    labels: ['Issued', 'Redeemed', 'Expired'],
    datasets: [{ label: 'Points', data: [kpis.pointsIssued, kpis.pointsRedeemed, kpis.pointsExpired], color: COLORS.primary }],
  };
}

/** `tierId: null` is every member below the lowest tier's threshold. */
export const tierName = (tierId: string | null, names: ReadonlyMap<string, string>): string =>
  tierId === null ? 'Below every tier' : (names.get(tierId) ?? tierId);

export function tierChartData(kpis: RewardsKpis, names: ReadonlyMap<string, string>): SeriesChartData {
  return {
    labels: kpis.tierDistribution.map((t) => tierName(t.tierId, names)),
    datasets: [{ label: 'Members', data: kpis.tierDistribution.map((t) => t.members), color: COLORS.primary }],
  };
}
