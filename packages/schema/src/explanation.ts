import { z } from 'zod';

/**
 * `GET /v1/admin/prompts/:id/explain`: "why is this (not) showing?" for one user, gate by gate, as
 * the collector decides it for `/v1/state`. The console renders these sentences as they come.
 */

/**
 * The gates in the order a prompt passes them; `holdout` (a checklist's control group), `cadence`
 * (surveys) and `completion` (checklists) belong to one kind.
 */
export const decisionStepNameSchema = z.enum([
  'status',
  'schedule',
  'audience',
  'frequency',
  'cadence',
  'holdout',
  'completion',
  'fatigue',
]);

/** One audience rule that decided the outcome, by its path in the rule tree (`rules[0].rule`). */
export const ruleCheckSchema = z.object({ path: z.string(), ok: z.boolean(), reason: z.string() });

/** One gate, with a sentence saying why it passed or not. */
export const decisionStepSchema = z.object({
  step: decisionStepNameSchema,
  ok: z.boolean(),
  reason: z.string(),
  /** For `audience`: the rules that decided it. */
  rules: z.array(ruleCheckSchema).optional(),
});

export const explanationSchema = z.object({
  promptId: z.string(),
  showing: z.boolean(),
  /** One sentence for people; `steps` has the detail per gate. */
  summary: z.string(),
  steps: z.array(decisionStepSchema),
});

/** The explanation with whom it is for and when it was decided. */
export const explainAnswerSchema = explanationSchema.extend({
  subject: z.union([z.object({ userId: z.string() }), z.object({ anonymousId: z.string() })]),
  at: z.string().describe('ISO 8601 date-time'),
});

export type DecisionStepName = z.infer<typeof decisionStepNameSchema>;
export type RuleCheck = z.infer<typeof ruleCheckSchema>;
export type DecisionStep = z.infer<typeof decisionStepSchema>;
export type Explanation = z.infer<typeof explanationSchema>;
export type ExplainAnswer = z.infer<typeof explainAnswerSchema>;
