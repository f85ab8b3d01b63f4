import type { ChecklistPrompt, Prompt } from '@hearth/schema';
import type { DecisionContext, PromptDecision, Step } from '../targeting/decision.js';
import { inSample } from '../targeting/sampling.js';
import type { HoldoutArm } from './holdout-arm.js';

/**
 * The user's group by the targeting engine's stable sampling. The salt is the checklist id under a
 * `checklist-holdout:` prefix, not the bare id: a `sample` rule in the audience salts with the bare
 * id by default, and the same buckets would then put every sampled user in the control.
 */
export function drawnArm(prompt: ChecklistPrompt, userId: string): HoldoutArm {
  const percent = prompt.holdout?.percent ?? 0;
  return inSample(percent, `checklist-holdout:${prompt.id}`, userId) ? 'control' : 'exposed';
}

/** The holdout gate of a checklist with a holdout; null without one. */
export function holdoutStep(prompt: ChecklistPrompt, ctx: DecisionContext): Step | null {
  if (!prompt.holdout) return null;
  const userId = ctx.holdout?.userId ?? null;
  if (userId === null) {
    return {
      step: 'holdout',
      ok: false,
      reason: 'it has a holdout, so only identified users see it (a visitor has no lasting group until they identify)',
    };
  }
  const recorded = ctx.holdout?.arms.get(prompt.id);
  const arm = recorded ?? drawnArm(prompt, userId);
  const how = recorded ? 'recorded in' : 'drawn for';
  return arm === 'control'
    ? { step: 'holdout', ok: false, reason: `the user is ${how} its ${prompt.holdout.percent} % control group, which never sees it` }
    : { step: 'holdout', ok: true, reason: `the user is ${how} its exposed group` };
}

const ADMITTED_BY = new Set(['status', 'schedule', 'audience']);

/**
 * Groups to record now: checklists with a holdout that this identified user is eligible for (live
 * or scheduled, within the schedule, admitted by the audience) and has no recorded group for.
 * Frequency, completion and fatigue do not matter: the user was offered the checklist either way,
 * so both groups are recorded by the same rule (intention to treat).
 */
export function newArms(decisions: readonly PromptDecision[], ctx: DecisionContext): Map<string, HoldoutArm> {
  const arms = new Map<string, HoldoutArm>();
  const userId = ctx.holdout?.userId ?? null;
  if (userId === null) return arms;
  for (const { prompt, steps } of decisions) {
    if (!hasHoldout(prompt) || ctx.holdout?.arms.has(prompt.id)) continue;
    if (steps.filter((s) => ADMITTED_BY.has(s.step)).every((s) => s.ok)) arms.set(prompt.id, drawnArm(prompt, userId));
  }
  return arms;
}

export const hasHoldout = (prompt: Prompt): prompt is ChecklistPrompt => prompt.kind === 'checklist' && prompt.holdout !== undefined;
