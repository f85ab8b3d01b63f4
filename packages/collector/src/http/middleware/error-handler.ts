import type { ErrorBody } from '@hearth/schema';
import type { Context } from 'hono';
import { isStoreBusy } from '../../storage/store-busy.js';
import { HttpError, retryLater } from '../http-error.js';

/**
 * Every failure becomes one JSON `ErrorBody`. Errors also carry `Access-Control-Allow-Origin`
 * (unless CORS already set the caller's origin) so a browser SDK can read the status and drop,
 * instead of seeing an opaque network error and retrying forever, and read `Retry-After`; an error
 * body reveals nothing.
 */
export function errorHandler(log: (message: string, error: unknown) => void = console.error) {
  return (error: Error, c: Context): Response => {
    if (error instanceof HttpError) return errorResponse(c, error);
    // Nothing was stored: the client's retry is safe, so say when to make it instead of "failed".
    if (isStoreBusy(error))
      return errorResponse(
        c,
        retryLater(
          503,
          'store_busy',
          'The database is busy (a lock is held or a query ran too long); retry after the delay in Retry-After.',
          2_000,
        ),
      );
    log('hearth-collector: unexpected error', error);
    return errorResponse(c, new HttpError(500, 'internal_error', 'The collector failed to handle this request; retry later.'));
  };
}

export function notFound(c: Context): Response {
  return errorResponse(c, new HttpError(404, 'not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`));
}

function errorResponse(c: Context, error: HttpError): Response {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) },
  };
  const headers: Record<string, string> = { ...error.headers };
  if (!c.res.headers.has('Access-Control-Allow-Origin')) headers['Access-Control-Allow-Origin'] = '*';
  // A cross-origin page reads only CORS-safelisted headers: unexposed, the SDK never sees the delay.
  if (headers['Retry-After']) headers['Access-Control-Expose-Headers'] = 'Retry-After';
  return c.json(body, error.status, headers);
}
