import { useEffect, useState } from 'preact/hooks';

/** Typing settles this long before a draft is sent to the collector: one request per pause, not per key. */
export const PREVIEW_DELAY_MS = 300;

/**
 * Asks the collector about a draft once typing pauses: `key` names what is asked (null: nothing to
 * ask yet). The answer shown is always the one for the current key, so a slow, older answer never
 * replaces a newer one.
 */
export function useDebouncedAnswer<T>(key: string | null, ask: () => Promise<T>, delayMs = PREVIEW_DELAY_MS) {
  const [answered, setAnswered] = useState<{ key: string; answer: T } | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    if (key === null) return;
    let current = true;
    const timer = setTimeout(() => {
      ask().then(
        (answer) => current && (setAnswered({ key, answer }), setFailure('')),
        (error: Error) => current && setFailure(error.message),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  // While a new answer is on its way the last one stays up, unless there is nothing to ask.
  return { answer: key !== null && answered ? answered.answer : null, failure, fresh: answered?.key === key };
}
