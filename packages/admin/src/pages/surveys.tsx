import { listPrompts } from '../api/prompts.js';
import { surveyKpis } from '../api/surveys.js';
import { formatRate } from '../models/funnel.js';

/** NPS runs −100…100; two decimals are what a person compares. */
const formatScore = (score: number | null) => (score === null ? '—' : String(Math.round(score * 100) / 100));
import { ListPage } from './list-page.js';
import { promptRow } from './prompt-row.js';
import { useRecordList } from './use-record-list.js';

/** Survey prompts with status, search, NPS and response rate; publish and archive from the list. */
export function SurveysPage() {
  const { records, figures, message, act } = useRecordList({
    list: () => listPrompts().then((all) => all.filter((record) => record.prompt.kind === 'survey')),
    idOf: (record) => record.prompt.id,
    kpisOf: ({ prompt }) => surveyKpis(prompt.id),
  });
  const rows = records?.map((record) => {
    const kpi = figures[record.prompt.id];
    return promptRow(
      record,
      [formatScore(kpi?.nps?.score ?? null), String(kpi?.responseRate.responses ?? '—'), formatRate(kpi?.responseRate.rate ?? null)],
      act,
    );
  });
  return (
    <ListPage
      kind="Surveys"
      newRoute="prompts/survey/new"
      newLabel="New survey"
      message={message}
      rows={rows ?? null}
      figureHeaders={['NPS', 'Answers', 'Response rate']}
      emptyHint={
        <>
          Create one with “New survey”, or list it under <code>prompts</code> in hearth.config.json.
        </>
      }
    />
  );
}
