import type { PromptInput } from '@hearth/schema';
import { archivePrompt, archivePrompts, createPrompt, listPrompts, pausePrompt, publishPrompt, type PromptRecord } from '../api/prompts.js';
import type { ListRow } from '../components/list-view.js';
import type { RecordListApi } from './use-record-list.js';

/** The prompts of one kind as a list page reads and changes them; `kpisOf` adds the kind's figures. */
export function promptListApi<K>(
  kind: 'checklist' | 'survey',
  kpisOf: (record: PromptRecord) => Promise<K>,
): RecordListApi<PromptRecord, K> {
  return {
    list: () => listPrompts().then((all) => all.filter((record) => record.prompt.kind === kind)),
    idOf: (record) => record.prompt.id,
    statusOf: (record) => record.prompt.status,
    kpisOf,
    publish: (record) => publishPrompt(record.prompt.id, record.version),
    pause: (record) => pausePrompt(record.prompt.id, record.version),
    archive: (record) => archivePrompt(record.prompt.id, record.version),
    duplicate: ({ prompt }, id) =>
      createPrompt({ ...prompt, id, name: `Copy of ${prompt.name ?? prompt.id}`, status: 'draft' } as PromptInput),
    archiveMany: archivePrompts,
    editorOf: (record) => `prompts/${kind}/${record.prompt.id}`,
  };
}

/** A prompt's row in its kind's list: editor link, status, the kind's figures and its actions. */
export function promptRow({ prompt, version, updatedAt }: PromptRecord, figures: string[], actions: ListRow['actions']): ListRow {
  return {
    id: prompt.id,
    link: `prompts/${prompt.kind}/${prompt.id}`,
    name: prompt.name ?? '',
    status: prompt.status,
    updatedAt,
    version,
    figures,
    actions,
  };
}
