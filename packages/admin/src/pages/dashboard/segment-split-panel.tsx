import { useState } from 'preact/hooks';
import type { KpiFilters } from '../../api/kpi.js';
import { churnKpis, dropOffKpis, usageKpis } from '../../api/kpi-dashboard.js';
import { DataTable } from '../../components/data-table.js';
import { Field } from '../../components/field.js';
import { parseSegments, splitTable, SPLIT_PRESETS, type GroupFigures } from './segment-split.js';
import { useKpi } from './use-kpi.js';

/** One group's figures: the same three KPI answers for the segment, everyone (`''`) or, unused (null), none. */
function useGroup(filters: KpiFilters, segment: string | null): GroupFigures {
  const scoped: KpiFilters = { from: filters.from, to: filters.to, ...(segment ? { segment } : {}) };
  const key = JSON.stringify([scoped, segment === null]);
  const load = <T,>(get: (f: KpiFilters) => Promise<T>) => (segment === null ? null : () => get(scoped));
  return {
    churn: useKpi(load(churnKpis), key).data,
    usage: useKpi(load(usageKpis), key).data,
    dropOff: useKpi(load(dropOffKpis), key).data,
  };
}

/** Four hooks' worth of groups, always called in the same order (hooks must not vary in number). */
const SLOTS = [0, 1, 2, 3];

/**
 * Segment split: the dashboard's retention and usage figures for everyone and for each chosen
 * segment side by side, e.g. trial users against long-time customers in one click.
 */
export function SegmentSplitPanel({ filters }: { filters: KpiFilters }) {
  const [text, setText] = useState('');
  const parsed = parseSegments(text);
  const segments = 'segments' in parsed ? parsed.segments : [];
  const overall = useGroup(filters, '');
  const slots = SLOTS.map((i) => useGroup(filters, segments[i] ?? null));
  const groups = [{ label: 'All users', figures: overall }, ...segments.map((segment, i) => ({ label: segment, figures: slots[i]! }))];
  const { rows, columns } = splitTable(groups);
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
        hint="comma-separated: trait:plan:pro, lifecycle:trial|new|long-time|at-risk, program:member|non-member|holdout|exposed"
        error={'error' in parsed ? parsed.error : undefined}
      >
        {(aria) => <input {...aria} value={text} onChange={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <DataTable caption="Figures by segment" rows={rows} columns={columns} exportName="segment-split" />
    </section>
  );
}
