import { archivePrompt, publishPrompt, type PromptRecord } from '../api/prompts.js';
import type { ListRow } from '../components/list-view.js';
import { StatusActions } from '../components/status-actions.js';

type Act = (run: () => Promise<PromptRecord>, done: string) => unknown;

/** A prompt's row in its kind's list: editor link, status, the kind's figures, publish and archive. */
export function promptRow({ prompt, version, updatedAt }: PromptRecord, figures: string[], act: Act): ListRow {
  return {
    id: prompt.id,
    link: `prompts/${prompt.kind}/${prompt.id}`,
    name: prompt.name ?? '',
    status: prompt.status,
    updatedAt,
    version,
    figures,
    actions: (
      <StatusActions
        id={prompt.id}
        status={prompt.status}
        onPublish={() => act(() => publishPrompt(prompt.id, version), 'Published')}
        onArchive={() => act(() => archivePrompt(prompt.id, version), 'Archived')}
      />
    ),
  };
}
