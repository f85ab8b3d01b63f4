import { useEffect, useState } from 'preact/hooks';
import { archivePrompt, listPrompts, publishPrompt, type PromptRecord } from '../api/prompts.js';
import { surveyKpis, type SurveyKpis } from '../api/surveys.js';
import { ListView, type ListRow } from '../components/list-view.js';
import { StatusActions } from '../components/status-actions.js';
import { formatRate } from '../models/funnel.js';
import { projectId } from '../models/session.js';
import { href, navigate } from '../router.js';
import { KindTabs } from './kind-tabs.js';

/** Survey prompts with status, search, NPS and response rate; publish and archive from the list. */
export function SurveysPage() {
  const [records, setRecords] = useState<PromptRecord[] | null>(null);
  const [figures, setFigures] = useState<Record<string, SurveyKpis>>({});
  const [message, setMessage] = useState('');
  const load = () =>
    listPrompts()
      .then(async (all) => {
        const surveys = all.filter((record) => record.prompt.kind === 'survey');
        setRecords(surveys);
        const entries = await Promise.all(surveys.map(async ({ prompt }) => [prompt.id, await surveyKpis(prompt.id).catch(() => null)] as const));
        setFigures(Object.fromEntries(entries.flatMap(([id, kpi]) => (kpi ? [[id, kpi]] : []))));
      })
      .catch((failure: Error) => setMessage(failure.message));
  useEffect(() => void load(), [projectId.value]);

  const act = (run: () => Promise<PromptRecord>, done: string) =>
    run().then(
      (saved) => (setMessage(`${done} “${saved.prompt.id}” (version ${saved.version}).`), load()),
      (failure: Error) => setMessage(failure.message),
    );
  const rows: ListRow[] = (records ?? []).map(({ prompt, version, updatedAt }) => {
    const kpi = figures[prompt.id];
    return {
      id: prompt.id,
      link: `prompts/survey/${prompt.id}`,
      name: prompt.name ?? '',
      status: prompt.status,
      updatedAt,
      version,
      figures: [String(kpi?.nps?.score ?? '—'), String(kpi?.responseRate.responses ?? '—'), formatRate(kpi?.responseRate.rate ?? null)],
      actions: (
        <StatusActions
          id={prompt.id}
          status={prompt.status}
          onPublish={() => act(() => publishPrompt(prompt.id, version), 'Published')}
          onArchive={() => act(() => archivePrompt(prompt.id, version), 'Archived')}
        />
      ),
    };
  });
  return (
    <>
      <div class="page-head">
        <h1>Surveys</h1>
        <a class="button" href={href('prompts/survey/new')} onClick={(e) => (e.preventDefault(), navigate('prompts/survey/new'))}>
          New survey
        </a>
      </div>
      <KindTabs />
      <p role="status" class="message">
        {message}
      </p>
      {records === null ? (
        <p aria-busy="true">Loading surveys…</p>
      ) : (
        <ListView
          kind="Surveys"
          rows={rows}
          figureHeaders={['NPS', 'Answers', 'Response rate']}
          emptyHint={<>Create one with “New survey”, or list it under <code>prompts</code> in hearth.config.json.</>}
        />
      )}
    </>
  );
}
