import { z } from 'zod';

export const errorIssueSchema = z.object({
  /** Dotted path of the failing field, e.g. `events.3.name`. */
  path: z.string().describe('Dotted path of the failing field, e.g. `events.3.name`.'),
  message: z.string().describe('Why the field was refused.'),
});

/** The one JSON error body every collector endpoint answers with. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable, machine-readable error code.'),
      message: z.string().describe('For humans.'),
      issues: z.array(errorIssueSchema).optional().describe('One entry per failing field.'),
    }),
  })
  .describe('The JSON body of every error answer.');

export type ErrorIssue = z.infer<typeof errorIssueSchema>;
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Flattens zod issues into `{ path, message }` pairs that name the field. */
export function toErrorIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}
