import { z } from 'zod';

export const errorIssueSchema = z.object({
  /** Dotted path of the failing field, e.g. `events.3.name`. */
  path: z.string(),
  message: z.string(),
});

/** The one JSON error body every collector endpoint answers with. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(errorIssueSchema).optional(),
  }),
});

export type ErrorIssue = z.infer<typeof errorIssueSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Flattens zod issues into `{ path, message }` pairs that name the field. */
export function toErrorIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
