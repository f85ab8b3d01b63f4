import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { getVocabulary } from '../api/vocabulary.js';
import { projectId } from '../models/session.js';

/** Datalist ids: an input with `list={KNOWN_EVENTS}` suggests the event names the project has received. */
export const KNOWN_EVENTS = 'known-events';
export const KNOWN_TRAITS = 'known-traits';
export const KNOWN_ACCOUNT_TRAITS = 'known-account-traits';

type Lists = Record<typeof KNOWN_EVENTS | typeof KNOWN_TRAITS | typeof KNOWN_ACCOUNT_TRAITS, string[]>;

const vocabulary = signal<{ project: string; lists: Lists } | null>(null);

async function readLists(): Promise<Lists> {
  const answer = await getVocabulary();
  return { [KNOWN_EVENTS]: answer.events, [KNOWN_TRAITS]: answer.traits, [KNOWN_ACCOUNT_TRAITS]: answer.accountTraits };
}

/**
 * The suggestion lists, rendered once by each editor: names as the project's users actually sent
 * them, so a typo in an event name is caught while typing rather than by a checklist nobody completes.
 * Read once per project; a failed read only means no suggestions.
 */
export function VocabularyLists() {
  const project = projectId.value;
  useEffect(() => {
    if (vocabulary.value?.project === project) return;
    readLists().then(
      (lists) => (vocabulary.value = { project, lists }),
      () => undefined,
    );
  }, [project]);
  const lists = vocabulary.value?.project === project ? vocabulary.value.lists : null;
  return (
    <>
      {([KNOWN_EVENTS, KNOWN_TRAITS, KNOWN_ACCOUNT_TRAITS] as const).map((id) => (
        <datalist key={id} id={id}>
          {lists?.[id].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      ))}
    </>
  );
}
