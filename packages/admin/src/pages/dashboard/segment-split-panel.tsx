import { useState } from 'preact/hooks';
import { announcementKpis } from '../../api/announcements.js';
import { checklistKpis, type KpiFilters } from '../../api/kpi.js';
import { churnKpis, dropOffKpis, fullSurveyKpis, revenueKpis, usageKpis } from '../../api/kpi-dashboard.js';
import { DataTable } from '../../components/data-table.js';
import { CommitInput } from '../../components/commit-input.js';
import { Field } from '../../components/field.js';
import { parseSegments, splitTable, SPLIT_PRESETS, type FigureSource, type GroupFigures } from './segment-split.js';
import { useKpi } from './use-kpi.js';

/** The checklist, survey and announcement whose KPIs the split shows beside the retention and revenue ones. */
export interface SplitPrompts {
  checklistId?: string | undefined;
  surveyId?: string | undefined;
  announcementId?: string | undefined;
}

/** One group's figures: the same KPI answers for the segment, everyone (`''`) or, unused (null), none. */
function useGroup(filters: KpiFilters, segment: string | null, prompts: SplitPrompts): GroupFigures {
  const scoped: KpiFilters = { from: filters.from, to: filters.to, ...(segment ? { segment } : {}) };
  const key = JSON.stringify([scoped, segment === null, prompts]);
  const load = <T,>(get: (f: KpiFilters) => Promise<T>, ask = true) => (segment === null || !ask ? null : () => get(scoped));
  const { checklistId, surveyId, announcementId } = prompts;
  return {
    churn: useKpi(load(churnKpis), key).data,
    usage: useKpi(load(usageKpis), key).data,
    dropOff: useKpi(load(dropOffKpis), key).data,
    checklist: useKpi(
      load((f) => checklistKpis(checklistId ?? '', f), checklistId !== undefined),
      key,
    ).data,
    survey: useKpi(
      load((f) => fullSurveyKpis(surveyId ?? '', f), surveyId !== undefined),
      key,
    ).data,
    // Counted from publication up to the range's end: the announcement KPIs take no `from`.
    announcement: useKpi(
      load((f) => announcementKpis(announcementId ?? '', f.to, f.segment), announcementId !== undefined),
      key,
    ).data,
    revenue: useKpi(load(revenueKpis), key).data,
  };
}

/** Four hooks' worth of groups, always called in the same order (hooks must not vary in number). */
const SLOTS = [0, 1, 2, 3];

/**
 * Segment split: the dashboard's retention, usage, checklist, survey, announcement and revenue
 * figures for everyone and for each chosen segment side by side, e.g. trial users against
 * long-time customers in one click. Checklist and survey rows show when the project has one (the
 * first of each), announcement rows for the newest published announcement; revenue rows when the
 * project records revenue.
 */
export function SegmentSplitPanel({ filters, prompts = {} }: { filters: KpiFilters; prompts?: SplitPrompts }) {
  const [text, setText] = useState('');
  const parsed = parseSegments(text);
  const segments = 'segments' in parsed ? parsed.segments : [];
  const overall = useGroup(filters, '', prompts);
  const slots = SLOTS.map((i) => useGroup(filters, segments[i] ?? null, prompts));
  const groups = [{ label: 'All users', figures: overall }, ...segments.map((segment, i) => ({ label: segment, figures: slots[i]! }))];
  const sources = new Set<FigureSource>(['retention']);
  if (prompts.checklistId !== undefined) sources.add('checklist');
  if (prompts.surveyId !== undefined) sources.add('survey');
  if (prompts.announcementId !== undefined) sources.add('announcement');
  if (overall.revenue) sources.add('revenue');
  const { rows, columns } = splitTable(groups, sources);
  return (
    <section aria-labelledby="segment-split-title" class="panel">
      <h2 id="segment-split-title">Segment split</h2>
      <div class="presets" role="group" aria-label="Compare segments">
        {SPLIT_PRESETS.map((preset) => (
          <button type="button" class="secondary" key={preset.label} onClick={() => setText(preset.segments.join(', '))}>
            {preset.label}
          </button>
        ))}
      </div>
      <Field
        id="kpi-split"
        label="Segments side by side"
        hint="comma-separated: trait:plan:pro, trait:seats:gte:10, lifecycle:trial|new|long-time|at-risk, program:member|non-member|holdout|exposed"
        error={'error' in parsed ? parsed.error : undefined}
      >
        {(aria) => <CommitInput {...aria} value={text} onCommit={setText} />}
      </Field>
      <DataTable caption="Figures by segment" rows={rows} columns={columns} exportName="segment-split" />
    </section>
  );
}
