import { findUnstorableText, unstorableTextReason } from '@hearth/schema';
import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../http-error.js';

/** Decodes percent escapes the way the router does: run by run, a malformed run stays as it is. */
const decoded = (part: string) =>
  part.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });

/** A percent escape, a NUL or a surrogate (paired or not): the URL needs the full check. */
const needsCheck = (url: string) => url.includes('%') || url.includes('\u0000') || /[\uD800-\uDFFF]/.test(url);

/**
 * Refuses a URL whose path or query parameters decode to text no store can keep (NUL, lone
 * surrogates), before any route reads them: a route that puts `c.req.param()` or `c.req.query()`
 * into SQL never sees it, whether or not it validates that parameter itself.
 */
export function storableUrl(): MiddlewareHandler {
  return async (c, next) => {
    // Without a percent escape nothing decodes to NUL or a surrogate, and none is there as it is:
    // the URL is storable as sent (most requests, the ingest path's included), so it is not parsed.
    if (!needsCheck(c.req.url)) return next();
    const url = new URL(c.req.url);
    const pathReason = unstorableTextReason(decoded(url.pathname));
    if (pathReason)
      throw new HttpError(400, 'invalid_path', 'The URL path cannot be stored; see issues.', [{ path: '(path)', message: pathReason }]);
    // Every value of a repeated parameter is checked; the issue names the parameter.
    const issues = findUnstorableText(c.req.queries()).map((issue) => ({ ...issue, path: issue.path.replace(/\.\d+$/, '') }));
    if (issues.length > 0) throw new HttpError(400, 'invalid_query', 'A query parameter cannot be stored; see issues.', issues);
    await next();
  };
}
