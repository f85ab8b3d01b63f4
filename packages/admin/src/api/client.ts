import type { ErrorIssue } from '@hearth/schema';
import ky, { isHTTPError } from 'ky';

/** What the console sends with each call: the session's CSRF token and the chosen project. */
const credentials = { csrfToken: '', projectId: '' };

export function setCredentials(csrfToken: string, projectId: string): void {
  credentials.csrfToken = csrfToken;
  credentials.projectId = projectId;
}

/** Called when the collector says the session is over (expired, signed out elsewhere). */
let sessionEnded = () => {};
export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}

/** An admin API refusal, with the collector's code and per-field issues (paths like `content.title`). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Same-origin calls to `/v1/admin`: the httpOnly session cookie rides along by itself; no retries,
 * since a person is waiting and the API's errors are final.
 */
export const api = ky.create({
  prefix: '/v1/admin',
  credentials: 'same-origin',
  retry: 0,
  hooks: {
    beforeRequest: [
      ({ request }) => {
        if (credentials.csrfToken) request.headers.set('X-Hearth-CSRF', credentials.csrfToken);
        if (credentials.projectId) request.headers.set('X-Hearth-Project', credentials.projectId);
      },
    ],
    afterResponse: [
      ({ request, response }) => {
        const isSessionCall = new URL(request.url).pathname.endsWith('/v1/admin/session');
        if (response.status === 401 && !isSessionCall && credentials.csrfToken) sessionEnded();
      },
    ],
  },
});

/** Turns ky's HTTPError into an ApiError carrying the collector's ErrorBody. */
export async function asApiError(error: unknown): Promise<ApiError> {
  if (error instanceof ApiError) return error;
  if (!isHTTPError(error)) return new ApiError(0, 'network_error', 'The collector did not answer; check that it is running.');
  // ky has already read the body into `data` (the response body itself is consumed).
  const body = (typeof error.data === 'object' ? error.data : null) as {
    error?: { code?: string; message?: string; issues?: ErrorIssue[] };
  } | null;
  return new ApiError(
    error.response.status,
    body?.error?.code ?? 'http_error',
    body?.error?.message ?? error.message,
    body?.error?.issues ?? [],
  );
}

/** Runs an API call, rethrowing failures as ApiError. */
export async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw await asApiError(error);
  }
}
