import { parseWire } from '@hearth/schema';
import type { z } from 'zod';
import { HttpError } from './http-error.js';

export interface InvalidError {
  code: string;
  message: string;
}

/** Parses a JSON request body against `schema`: 400 `malformed_json`, or `invalid` with an issue per failing field. */
export function parseJsonBody<S extends z.ZodType>(body: string, schema: S, invalid: InvalidError): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unparseable';
    throw new HttpError(400, 'malformed_json', `The request body is not valid JSON (${reason}).`);
  }
  return parseValue(json, schema, invalid, body);
}

/**
 * Validates an already-parsed value (query parameters, a merged prompt): 400 with issues, which
 * include text no store can keep (NUL, lone surrogates) anywhere in the value, keys included.
 */
export function parseValue<S extends z.ZodType>(value: unknown, schema: S, invalid: InvalidError, json?: string): z.output<S> {
  const parsed = parseWire(schema, value, json);
  if (!parsed.success) throw new HttpError(400, invalid.code, invalid.message, parsed.issues);
  return parsed.data;
}
