import { toErrorIssues, type ErrorIssue } from '@hearth/schema';
import type { z } from 'zod';

/** Messages by field path (`content.items.0.title`), the same paths the collector's issues use. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The first message per path; `(root)` for errors about the whole value. */
export function errorsFromIssues(issues: readonly ErrorIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.path] ??= issue.message;
  return errors;
}

/** Validates with a zod schema, exactly as the collector will: no errors means the API will accept it. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: errorsFromIssues(toErrorIssues(parsed.error)) };
}

/** Errors under `prefix.` with the prefix removed, for a component that owns a sub-tree. */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const nested: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) nested['(root)'] = message;
    else if (path.startsWith(`${prefix}.`)) nested[path.slice(prefix.length + 1)] = message;
  }
  return nested;
}
