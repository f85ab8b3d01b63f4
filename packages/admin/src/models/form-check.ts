import type { z } from 'zod';
import { rowErrors, type AudienceDraft } from './audience-builder.js';
import { validate, type FieldErrors } from './field-errors.js';

/** Validates a form's output with the collector's schema and adds the targeting rows' errors under `audience.`. */
export function checkForm(
  schema: z.ZodType,
  value: Record<string, unknown>,
  audience: AudienceDraft | null,
): { ok: boolean; errors: FieldErrors } {
  const result = validate(schema, value);
  const audienceErrors = audience ? rowErrors(audience) : {};
  const errors = {
    ...(result.ok ? {} : result.errors),
    ...Object.fromEntries(Object.entries(audienceErrors).map(([path, message]) => [`audience.${path}`, message])),
  };
  return { ok: Object.keys(errors).length === 0, errors };
}
