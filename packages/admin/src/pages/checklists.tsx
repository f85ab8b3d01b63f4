import { checklistKpis } from '../api/kpi.js';
import { formatRate } from '../models/funnel.js';
import { ListPage } from './list-page.js';
import { promptListApi, promptRow } from './prompt-list-api.js';
import { useRecordList } from './use-record-list.js';

const kind = promptListApi('checklist', ({ prompt }) => checklistKpis(prompt.id));

/** The project's checklists with status, search and last-30-day figures; every row has its actions. */
export function ChecklistsPage() {
  const { records, figures, message, actionsOf, archiveMany } = useRecordList(kind);
  const rows = records?.map((record) => {
    const kpi = figures[record.prompt.id];
    return promptRow(record, [String(kpi?.shown ?? '—'), formatRate(kpi?.completionRate ?? null)], actionsOf(record));
  });
  return (
    <ListPage
      kind="Checklists"
      newRoute="prompts/checklist/new"
      newLabel="New checklist"
      message={message}
      rows={rows ?? null}
      figureHeaders={['Shown', 'Completion']}
      onArchiveSelected={archiveMany}
      emptyHint={
        <>
          Create one with “New checklist”, or list it under <code>prompts</code> in hearth.config.json.
        </>
      }
    />
  );
}
