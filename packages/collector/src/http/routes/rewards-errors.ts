import type { ErrorBody } from '@hearth/schema';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { RewardsError, type RewardsErrorCode } from '../../domain/rewards/rewards-error.js';
import { parseJsonBody } from '../json-body.js';
import { errorHandler } from '../middleware/error-handler.js';

/** 409: the request is valid but the ledger's state refuses it; 404: nothing by that id; 422: a rule forbids it. */
const STATUS: Record<RewardsErrorCode, ContentfulStatusCode> = {
  idempotency_conflict: 409,
  insufficient_points: 409,
  out_of_stock: 409,
  limit_reached: 409,
  already_settled: 409,
  already_referred: 409,
  redemption_not_found: 404,
  unknown_item: 404,
  unknown_referral_code: 404,
  self_referral: 422,
  referral_loop: 422,
};

/** The shared error handler, plus the ledger's refusals as `ErrorBody` with their own statuses. */
export function rewardsErrorHandler(log?: (message: string, error: unknown) => void) {
  const base = errorHandler(log);
  return (error: Error, c: Context): Response => {
    if (!(error instanceof RewardsError)) return base(error, c);
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    const headers: Record<string, string> = {};
    if (!c.res.headers.has('Access-Control-Allow-Origin')) headers['Access-Control-Allow-Origin'] = '*';
    return c.json(body, STATUS[error.code], headers);
  };
}

/** Parses a JSON body against a schema; 400 naming every failing field. */
export function parseJson<S extends z.ZodType>(schema: S, body: string): z.infer<S> {
  return parseJsonBody(body, schema, { code: 'invalid_request', message: 'The request body is invalid; see issues.' });
}
