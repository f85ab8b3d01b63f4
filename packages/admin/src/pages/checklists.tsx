import { checklistKpis } from '../api/kpi.js';
import { listPrompts } from '../api/prompts.js';
import { formatRate } from '../models/funnel.js';
import { ListPage } from './list-page.js';
import { promptRow } from './prompt-row.js';
import { useRecordList } from './use-record-list.js';

/** The project's checklists with status, search and last-30-day figures; publish and archive from the list. */
export function ChecklistsPage() {
  const { records, figures, message, act } = useRecordList({
    list: () => listPrompts().then((all) => all.filter((record) => record.prompt.kind === 'checklist')),
    idOf: (record) => record.prompt.id,
    kpisOf: ({ prompt }) => checklistKpis(prompt.id),
  });
  const rows = records?.map((record) => {
    const kpi = figures[record.prompt.id];
    return promptRow(record, [String(kpi?.shown ?? '—'), formatRate(kpi?.completionRate ?? null)], act);
  });
  return (
    <ListPage
      kind="Checklists"
      newRoute="prompts/checklist/new"
      newLabel="New checklist"
      message={message}
      rows={rows ?? null}
      figureHeaders={['Shown', 'Completion']}
      emptyHint={
        <>
          Create one with “New checklist”, or list it under <code>prompts</code> in hearth.config.json.
        </>
      }
    />
  );
}
