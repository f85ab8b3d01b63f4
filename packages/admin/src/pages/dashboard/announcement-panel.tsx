import type { AnnouncementKpis, AnnouncementKpisAnswer, AnnouncementRecord } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { announcementKpis, listAnnouncements } from '../../api/announcements.js';
import type { KpiFilters } from '../../api/kpi.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState } from '../../components/empty-state.js';
import { Field } from '../../components/field.js';
import type { Column } from '../../models/csv.js';
import { ADOPTION_COLUMNS, adoptionRows, announcementChartData } from './engagement-mapping.js';
import { comparisonText } from '../../models/comparison.js';
import { formatRate } from '../../models/funnel.js';
import { KpiChart } from './kpi-chart.js';
import { KpiTiles } from './kpi-tiles.js';
import { useKpi } from './use-kpi.js';

type Figure = { figure: string; users: number; rate: number | null };
const FIGURE_COLUMNS: Column<Figure>[] = [
  { header: 'Figure', value: (row) => row.figure },
  { header: 'Users', value: (row) => row.users },
  { header: 'Rate of reach (%)', value: (row) => row.rate },
];
const figuresOf = (k: AnnouncementKpis): Figure[] => [
  { figure: 'Reached', users: k.reach, rate: null },
  { figure: 'Read', users: k.read, rate: k.readRate },
  { figure: 'Clicked the call to action', users: k.ctaClicks, rate: k.ctaClickRate },
  { figure: 'Reacted 👍', users: k.reactions.up, rate: null },
  { figure: 'Reacted 👎', users: k.reactions.down, rate: null },
  { figure: 'Left feedback', users: k.reactions.feedback, rate: null },
];

function AnnouncementKpisView({ kpis }: { kpis: AnnouncementKpisAnswer }) {
  const adoption = kpis.adoption;
  return (
    <>
      <KpiTiles
        label="Announcement figures"
        tiles={[
          { label: 'Reach', value: String(kpis.reach), detail: 'users it was shown to' },
          { label: 'Read rate', value: formatRate(kpis.readRate), detail: `${kpis.read} read it` },
          { label: 'Click rate', value: formatRate(kpis.ctaClickRate), detail: `${kpis.ctaClicks} clicked its call to action` },
          ...(adoption
            ? [
                {
                  label: 'Adoption lift',
                  value: adoption.lift === null ? '—' : `${Math.round(adoption.lift * 100) / 100} points`,
                  detail: `within ${adoption.days} days, vs. the control group; 95 % interval ${comparisonText(adoption.comparison, 'pts').interval}${
                    adoption.comparison.warning ? `. ${adoption.comparison.warning}` : ''
                  }`,
                },
              ]
            : []),
        ]}
      />
      <KpiChart data={announcementChartData(kpis)} label={`Reached ${kpis.reach}, read ${kpis.read}, clicked ${kpis.ctaClicks}`} />
      <DataTable
        folded
        caption="Reach, read and click"
        rows={figuresOf(kpis)}
        columns={FIGURE_COLUMNS}
        exportName={`${kpis.announcementId}-reach`}
      />
      {adoption ? (
        <DataTable
          caption={`Adoption of the feature within ${adoption.days} days`}
          rows={adoptionRows(adoption)}
          columns={ADOPTION_COLUMNS}
          exportName={`${kpis.announcementId}-adoption`}
        />
      ) : (
        <EmptyState title="No adoption figure for this announcement">
          Set its “feature event” in the announcement editor to compare adoption by users who saw it against those who did not.
        </EmptyState>
      )}
    </>
  );
}

/** Reach, read, click and adoption after announcement, from the announcement KPI API. */
export function AnnouncementPanel({ filters }: { filters: KpiFilters }) {
  const [records, setRecords] = useState<AnnouncementRecord[] | null>(null);
  const [listError, setListError] = useState('');
  const [selected, setSelected] = useState('');
  useEffect(() => {
    listAnnouncements().then(
      (all) => {
        const published = all.filter((r) => r.announcement.publishAt);
        setRecords(published);
        setSelected(published[0]?.announcement.id ?? '');
      },
      (failure: Error) => setListError(failure.message),
    );
  }, []);
  // The dashboard's trait filter is the API's trait segment; the API has no `from` (it counts from publication).
  const segment = filters.trait ? `trait:${filters.trait}` : undefined;
  const { data: kpis, error } = useKpi(
    selected ? () => announcementKpis(selected, filters.to, segment) : null,
    JSON.stringify([selected, filters.to, segment]),
  );
  return (
    <section aria-labelledby="announcement-title" class="panel">
      <h2 id="announcement-title">Announcements</h2>
      <p class="hint">
        Counted from each announcement's publication to the end of the date range (the announcement KPI API takes no start date), for the
        segment's users when one is set: both those it reached and the control group it compares their adoption with.
      </p>
      {listError && (
        <p class="error" role="alert">
          {listError}
        </p>
      )}
      {records?.length === 0 && (
        <EmptyState title="No published announcement yet">
          Write one under Prompts → Announcements and publish it; its reach and reads appear here as users open the feed.
        </EmptyState>
      )}
      {records && records.length > 0 && (
        <Field id="kpi-announcement" label="Announcement">
          {(aria) => (
            <select {...aria} value={selected} onChange={(e) => setSelected(e.currentTarget.value)}>
              {records.map((r) => (
                <option key={r.announcement.id} value={r.announcement.id}>
                  {r.announcement.name ?? r.announcement.id}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {error && (
        <p class="error" role="alert">
          {error.message}
        </p>
      )}
      {kpis && kpis.reach === 0 && (
        <EmptyState title="Nobody has seen this announcement yet">
          Check that it is live and its audience matches someone, or move “To” later than its publication.
        </EmptyState>
      )}
      {kpis && kpis.reach > 0 && <AnnouncementKpisView kpis={kpis} />}
    </section>
  );
}
