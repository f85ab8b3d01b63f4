import type { ErrorIssue } from '@hearth/schema';

/** Statuses the collector answers with; the SDK's status table decides drop vs retry from these. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429 | 500 | 503;

/** Thrown anywhere in a request; the error handler turns it into an `ErrorBody` response. */
export class HttpError extends Error {
  readonly status: ErrorStatus;
  readonly code: string;
  readonly issues: ErrorIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: ErrorStatus, code: string, message: string, issues?: ErrorIssue[], headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.headers = headers;
  }
}

/** 429/503 tell the client when to come back (whole seconds, at least 1). */
export function retryLater(status: 429 | 503, code: string, message: string, retryAfterMs: number): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(status, code, message, undefined, { 'Retry-After': String(seconds) });
}
