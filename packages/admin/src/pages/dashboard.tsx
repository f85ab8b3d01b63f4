import { useEffect, useMemo, useState } from 'preact/hooks';
import { listAnnouncements } from '../api/announcements.js';
import { listPrompts, type PromptRecord } from '../api/prompts.js';
import { ChecklistFunnelPanel } from '../components/checklist-funnel-panel.js';
import { CommitInput } from '../components/commit-input.js';
import { Field } from '../components/field.js';
import { Tabs, useHashTab, type TabItem } from '../components/tabs.js';
import { projectId } from '../models/session.js';
import { ActiveUsersPanel } from './dashboard/active-users-panel.js';
import { AnnouncementPanel } from './dashboard/announcement-panel.js';
import { OverviewPanel } from './dashboard/overview-panel.js';
import { RetentionPanel } from './dashboard/retention-panel.js';
import { ProgramImpactPanel } from './dashboard/program-impact-panel.js';
import { RewardsPanel } from './dashboard/rewards-panel.js';
import { SegmentSplitPanel } from './dashboard/segment-split-panel.js';
import { SurveyPanel } from './dashboard/survey-panel.js';
import { UsagePanel } from './dashboard/usage-panel.js';
import './dashboard/dashboard.css';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Date inputs name whole UTC days; the API's `to` is exclusive, so the chosen last day is included. */
const rangeOf = (from: string, to: string) => ({
  from: `${from}T00:00:00.000Z`,
  to: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString(),
});

/** The dashboard's tabs, the overview first: each panel has its address, `dashboard#retention`. */
const TABS: readonly TabItem[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'checklists', label: 'Checklists' },
  { id: 'surveys', label: 'Surveys' },
  { id: 'active-users', label: 'Active users' },
  { id: 'retention', label: 'Retention' },
  { id: 'usage', label: 'Usage' },
  { id: 'announcements', label: 'Announcements' },
  { id: 'rewards', label: 'Rewards' },
  { id: 'segments', label: 'Segments' },
  { id: 'program-impact', label: 'Program impact' },
];
const TAB_IDS = TABS.map((tab) => tab.id);

/** The newest published announcement's id, read once `wanted` (a failed read only means no announcement rows). */
function useNewestAnnouncement(wanted: boolean): string | undefined {
  const [id, setId] = useState<string>();
  useEffect(() => {
    if (!wanted) return;
    listAnnouncements().then(
      (all) => setId(all.find((r) => r.announcement.publishAt)?.announcement.id),
      () => undefined,
    );
  }, [wanted, projectId.value]);
  return id;
}

/**
 * KPIs with one date range and trait segment for every panel; the numbers are the KPI APIs',
 * unchanged. It opens on the overview's headline cards; each other panel is a tab, loaded when chosen.
 */
export function DashboardPage() {
  const [records, setRecords] = useState<PromptRecord[] | null>(null);
  const [from, setFrom] = useState(isoDay(Date.now() - 29 * DAY_MS));
  const [to, setTo] = useState(isoDay(Date.now()));
  const [trait, setTrait] = useState('');
  const [error, setError] = useState('');
  const [tab, setTab] = useHashTab(TAB_IDS, 'overview');
  useEffect(() => {
    listPrompts().then(setRecords, (failure: Error) => setError(failure.message));
  }, [projectId.value]);
  const announcementId = useNewestAnnouncement(tab === 'segments');
  const validTrait = /^[^:]+:.*$/.test(trait);
  const filters = useMemo(() => ({ ...(from && to ? rangeOf(from, to) : {}), ...(validTrait ? { trait } : {}) }), [from, to, trait]);

  return (
    <>
      <h1>Dashboard</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <Field id="kpi-from" label="From">
          {(aria) => <CommitInput {...aria} type="date" value={from} onCommit={setFrom} />}
        </Field>
        <Field id="kpi-to" label="To (inclusive)">
          {(aria) => <CommitInput {...aria} type="date" value={to} onCommit={setTo} />}
        </Field>
        <Field
          id="kpi-trait"
          label="Segment (trait:value)"
          hint="e.g. plan:pro; empty for all users"
          error={trait && !validTrait ? 'expected key:value, e.g. plan:pro' : undefined}
        >
          {(aria) => <CommitInput {...aria} value={trait} onCommit={setTrait} />}
        </Field>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <Tabs label="Dashboard panels" idPrefix="dashboard" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'overview' && <OverviewPanel filters={filters} />}
        {tab === 'checklists' && records && (
          <ChecklistFunnelPanel checklists={records.filter((r) => r.prompt.kind === 'checklist')} filters={filters} />
        )}
        {tab === 'surveys' && records && <SurveyPanel surveys={records.filter((r) => r.prompt.kind === 'survey')} filters={filters} />}
        {tab === 'active-users' && <ActiveUsersPanel filters={filters} />}
        {tab === 'retention' && <RetentionPanel filters={filters} />}
        {tab === 'usage' && <UsagePanel filters={filters} prompts={records?.map((r) => r.prompt) ?? []} />}
        {tab === 'announcements' && <AnnouncementPanel filters={filters} />}
        {tab === 'rewards' && <RewardsPanel filters={filters} />}
        {tab === 'segments' && (
          <SegmentSplitPanel
            filters={filters}
            prompts={{
              checklistId: records?.find((r) => r.prompt.kind === 'checklist')?.prompt.id,
              surveyId: records?.find((r) => r.prompt.kind === 'survey' && r.prompt.content.type === 'nps')?.prompt.id,
              announcementId,
            }}
          />
        )}
        {tab === 'program-impact' && <ProgramImpactPanel filters={filters} />}
      </Tabs>
    </>
  );
}
