import type { Explanation, Prompt } from '@hearth/schema';
import { decidePrompts } from './decide.js';
import type { DecisionContext } from './decision.js';

/**
 * Explains one prompt for one user. Needs every prompt of the project, because the fatigue budget
 * is shared: another prompt may be the reason this one waits. Returns null for an unknown id.
 */
export function explainPrompt(promptId: string, prompts: readonly Prompt[], ctx: DecisionContext): Explanation | null {
  const decision = decidePrompts(prompts, ctx).find((d) => d.prompt.id === promptId);
  if (!decision) return null;
  const failed = decision.steps.filter((s) => !s.ok);
  const summary = decision.show
    ? `"${promptId}" is eligible for this user now; its triggers decide the moment it appears.`
    : `"${promptId}" is not shown to this user because ${failed.map((s) => `${s.step}: ${s.reason}`).join('; and ')}.`;
  return { promptId, showing: decision.show, summary, steps: decision.steps };
}
