import type { ChecklistPrompt } from '@hearth/schema';
import { checklistEventQueries, checklistProgress, type ChecklistProgressResult } from '../checklist/progress.js';
import { holdoutStep } from '../checklist/holdout.js';
import { checklistState } from '../state/checklist-state.js';
import type { Step } from '../targeting/decision.js';
import type { PromptKindModule } from './kind.js';

function completionStep(prompt: ChecklistPrompt, progress: ChecklistProgressResult): Step {
  const state = `${progress.done} of ${progress.total} items done`;
  if (progress.complete && prompt.content.hideWhenComplete) {
    return { step: 'completion', ok: false, reason: `${state}: the checklist is complete and hides when complete` };
  }
  return { step: 'completion', ok: true, reason: progress.complete ? `${state}: complete, and it stays visible` : state };
}

/**
 * Progress comes from the user's events and traits; a complete checklist may hide itself; with a
 * holdout, its control group never sees it.
 */
export const checklist: PromptKindModule<ChecklistPrompt> = {
  facts: (prompt) => ({ matches: checklistEventQueries(prompt), responses: false, askedLast24h: false }),
  surveyGap: false,
  decide(prompt, ctx) {
    const progress = checklistProgress(prompt, ctx.facts, ctx.now);
    const holdout = holdoutStep(prompt, ctx);
    return {
      steps: [...(holdout ? [holdout] : []), completionStep(prompt, progress)],
      state: (locale) => checklistState(prompt, progress, locale),
    };
  },
};
