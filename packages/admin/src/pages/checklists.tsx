import { useEffect, useState } from 'preact/hooks';
import { checklistKpis } from '../api/kpi.js';
import { listPrompts, type PromptRecord } from '../api/prompts.js';
import { ListView, type ListRow } from '../components/list-view.js';
import { formatRate } from '../models/funnel.js';
import { projectId } from '../models/session.js';
import { href, navigate } from '../router.js';
import { KindTabs } from './kind-tabs.js';

type Figures = Record<string, { shown: number; completionRate: number | null }>;

/** The project's checklists with status, search and each one's last-30-day figures. */
export function ChecklistsPage() {
  const [records, setRecords] = useState<PromptRecord[] | null>(null);
  const [figures, setFigures] = useState<Figures>({});
  const [error, setError] = useState('');
  useEffect(() => {
    listPrompts()
      .then(async (all) => {
        const checklists = all.filter((record) => record.prompt.kind === 'checklist');
        setRecords(checklists);
        const entries = await Promise.all(checklists.map(async ({ prompt }) => [prompt.id, await checklistKpis(prompt.id).catch(() => null)] as const));
        setFigures(Object.fromEntries(entries.flatMap(([id, kpi]) => (kpi ? [[id, { shown: kpi.shown, completionRate: kpi.completionRate }]] : []))));
      })
      .catch((failure: Error) => setError(failure.message));
  }, [projectId.value]);

  const rows: ListRow[] = (records ?? []).map(({ prompt, version, updatedAt }) => ({
    id: prompt.id,
    name: prompt.name ?? '',
    status: prompt.status,
    updatedAt,
    version,
    link: `prompts/checklist/${prompt.id}`,
    figures: [String(figures[prompt.id]?.shown ?? '—'), formatRate(figures[prompt.id]?.completionRate ?? null)],
  }));
  return (
    <>
      <div class="page-head">
        <h1>Checklists</h1>
        <a class="button" href={href('prompts/checklist/new')} onClick={(e) => (e.preventDefault(), navigate('prompts/checklist/new'))}>
          New checklist
        </a>
      </div>
      <KindTabs />
      {error && <p class="error" role="alert">{error}</p>}
      {records === null && !error ? (
        <p aria-busy="true">Loading checklists…</p>
      ) : (
        <ListView
          kind="Checklists"
          rows={rows}
          figureHeaders={['Shown', 'Completion']}
          emptyHint={<>Create one with “New checklist”, or list it under <code>prompts</code> in hearth.config.json.</>}
        />
      )}
    </>
  );
}
