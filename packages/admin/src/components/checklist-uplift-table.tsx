import type { ChecklistUplift } from '@hearth/schema';
import { comparisonColumns, warningsOf, type ComparisonRow } from '../pages/dashboard/program-impact-mapping.js';
import { DataTable } from './data-table.js';
import { EmptyState } from './empty-state.js';

/** The uplift's rows: each item done by an event, every such item, then retention; rates in percentage points. */
export function upliftRows(uplift: ChecklistUplift, titles: ReadonlyMap<string, string>): ComparisonRow[] {
  const within = `within ${uplift.actionDays} days (%)`;
  return [
    ...uplift.items.map((item) => ({
      metric: `Did “${titles.get(item.itemId) ?? item.itemId}” ${within}`,
      comparison: item.comparison,
      unit: 'pts' as const,
    })),
    ...(uplift.allItems ? [{ metric: `Did every item ${within}`, comparison: uplift.allItems, unit: 'pts' as const }] : []),
    {
      metric: `Active in days ${uplift.retentionDays.from}–${uplift.retentionDays.to} after (%)`,
      comparison: uplift.retention,
      unit: 'pts' as const,
    },
  ];
}

/**
 * The checklist against its randomized control (the program-impact panel's comparison table):
 * both groups' sizes, the difference, its 95 % interval, the verdict and, when a group is too
 * small, the plain-language warning. Without a holdout, how to get one.
 */
export function ChecklistUpliftTable({
  uplift,
  titles,
  name,
}: {
  uplift: ChecklistUplift | null;
  titles: ReadonlyMap<string, string>;
  name: string;
}) {
  if (!uplift) {
    return (
      <EmptyState title="No control group">
        Give the checklist a holdout (for example 10 %) in its editor: a random share of its audience then never sees it, and this panel
        shows what the checklist changes.
      </EmptyState>
    );
  }
  const rows = upliftRows(uplift, titles);
  return (
    <>
      <DataTable
        caption={`Shown vs control (${uplift.percent}% of the audience held out at random: the checklist's effect; assigned in range: ${uplift.assigned.exposed} shown, ${uplift.assigned.control} control)`}
        rows={rows}
        columns={comparisonColumns('Shown', 'Control')}
        exportName={`${name}-uplift`}
      />
      {warningsOf(rows).map((warning) => (
        <p class="hint" role="note" key={warning}>
          {warning}
        </p>
      ))}
    </>
  );
}
