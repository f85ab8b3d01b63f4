import { surveyKpis } from '../api/surveys.js';
import { formatRate } from '../models/funnel.js';
import { ListPage } from './list-page.js';
import { promptListApi, promptRow } from './prompt-list-api.js';
import { useRecordList } from './use-record-list.js';

/** NPS runs −100…100; two decimals are what a person compares. */
const formatScore = (score: number | null) => (score === null ? '—' : String(Math.round(score * 100) / 100));

const kind = promptListApi('survey', ({ prompt }) => surveyKpis(prompt.id));

/** Survey prompts with status, search, NPS and response rate; every row has its actions. */
export function SurveysPage() {
  const { records, figures, message, actionsOf, archiveMany } = useRecordList(kind);
  const rows = records?.map((record) => {
    const kpi = figures[record.prompt.id];
    return promptRow(
      record,
      [formatScore(kpi?.nps?.score ?? null), String(kpi?.responseRate.responses ?? '—'), formatRate(kpi?.responseRate.rate ?? null)],
      actionsOf(record),
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
      onArchiveSelected={archiveMany}
      emptyHint={
        <>
          Create one with “New survey”, or list it under <code>prompts</code> in hearth.config.json.
        </>
      }
    />
  );
}
