import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { getVocabulary } from '../api/vocabulary.js';
import { projectId } from '../models/session.js';

/** Datalist ids: an input with `list={KNOWN_EVENTS}` suggests the event names the project has received. */
export const KNOWN_EVENTS = 'known-events';
export const KNOWN_TRAITS = 'known-traits';

const vocabulary = signal<{ project: string; events: string[]; traits: string[] } | null>(null);

/**
 * The suggestion lists, rendered once by each editor: names as the project's users actually sent
 * them, so a typo in an event name is caught while typing rather than by a checklist nobody completes.
 * Read once per project; a failed read only means no suggestions.
 */
export function VocabularyLists() {
  const project = projectId.value;
  useEffect(() => {
    if (vocabulary.value?.project === project) return;
    getVocabulary().then(
      (answer) => (vocabulary.value = { project, ...answer }),
      () => undefined,
    );
  }, [project]);
  const known = vocabulary.value?.project === project ? vocabulary.value : null;
  return (
    <>
      <datalist id={KNOWN_EVENTS}>
        {known?.events.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id={KNOWN_TRAITS}>
        {known?.traits.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
