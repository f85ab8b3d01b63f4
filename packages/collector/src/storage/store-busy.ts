/**
 * The database could not take the work in time: a lock held elsewhere (another writer on the
 * SQLite file, a PostgreSQL lock) or a statement over its time limit. Nothing of the request was
 * stored, so the client may simply retry; the error handler answers 503 with `Retry-After`.
 */
export class StoreBusyError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StoreBusyError';
  }
}

/** SQLite's SQLITE_BUSY / SQLITE_LOCKED (any extended code); PostgreSQL's lock_not_available and query_canceled (timeouts). */
const BUSY_CODES = /^(SQLITE_BUSY|SQLITE_LOCKED)(_|$)|^55P03$|^57014$/;

/** True for a `StoreBusyError` and for the drivers' own lock-wait and timeout errors. */
export function isStoreBusy(error: unknown): boolean {
  if (error instanceof StoreBusyError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BUSY_CODES.test(code);
}
