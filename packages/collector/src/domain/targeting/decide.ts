import type { Prompt } from '@hearth/schema';
import { fatigueUsage, type FatigueUsage } from '../frequency/fatigue.js';
import { checkFrequency } from '../frequency/frequency.js';
import { surveyGaps } from '../frequency/survey-gap.js';
import { kindOf } from '../kinds/index.js';
import type { DecisionContext, PromptDecision, Step } from './decision.js';
import { evaluateAudience } from './evaluate.js';

function statusStep(prompt: Prompt): Step {
  const ok = prompt.status === 'live' || prompt.status === 'scheduled';
  const reason = ok ? `it is ${prompt.status}` : prompt.status === 'draft' ? 'it is a draft: publish it first' : 'it is archived';
  return { step: 'status', ok, reason };
}

function scheduleStep(prompt: Prompt, now: Date): Step {
  const { startAt, endAt } = prompt.schedule;
  if (startAt && now.getTime() < Date.parse(startAt)) return { step: 'schedule', ok: false, reason: `it starts at ${startAt}` };
  if (endAt && now.getTime() >= Date.parse(endAt)) return { step: 'schedule', ok: false, reason: `it ended at ${endAt}` };
  return { step: 'schedule', ok: true, reason: startAt || endAt ? 'now is within its schedule' : 'it has no schedule limits' };
}

/** The gates every kind shares, then the kind's own (a survey's cadence, a checklist's completion). */
function decideOne(prompt: Prompt, ctx: DecisionContext): PromptDecision {
  const audience = evaluateAudience(prompt.audience, ctx.facts, ctx.now, { promptId: prompt.id });
  const frequency = checkFrequency(prompt.id, prompt.frequency, ctx.history, ctx.now);
  const kind = kindOf(prompt).decide(prompt, ctx);
  const steps: Step[] = [
    statusStep(prompt),
    scheduleStep(prompt, ctx.now),
    { step: 'audience', ok: audience.matched, reason: audience.reasons.join('; '), rules: audience.checks },
    { step: 'frequency', ...frequency },
    ...kind.steps,
  ];
  return { prompt, show: steps.every((s) => s.ok), steps, state: kind.state };
}

const byPriority = (a: PromptDecision, b: PromptDecision) =>
  b.prompt.priority - a.prompt.priority || (a.prompt.id < b.prompt.id ? -1 : a.prompt.id > b.prompt.id ? 1 : 0);

/**
 * Decides every prompt for one user: status, schedule, audience, frequency, completion, then the
 * project-wide fatigue budget: the wait between two surveys, then the cap that eligible
 * interrupting prompts share by priority (ties by id, so the answer is stable across requests).
 * The state API and the explain API both read this, so "why is it not showing?" can never disagree
 * with what is shown.
 */
export function decidePrompts(prompts: readonly Prompt[], ctx: DecisionContext): PromptDecision[] {
  const decisions = prompts.map((prompt) => decideOne(prompt, ctx));
  const surveyIds = prompts.filter((p) => kindOf(p).surveyGap).map((p) => p.id);
  const gaps = surveyGaps(surveyIds, ctx.history, ctx.surveys, ctx.fatigue, ctx.now);
  const held = (d: PromptDecision) => gaps.get(d.prompt.id)?.ok === false;
  const interruptingIds = new Set(prompts.filter((p) => p.interrupting).map((p) => p.id));
  const usage = fatigueUsage(ctx.history, interruptingIds, ctx.fatigue, ctx.now);
  const winners = decisions.filter((d) => d.show && !held(d) && d.prompt.interrupting).sort(byPriority);
  const granted = winners.slice(0, usage.remaining);
  for (const decision of decisions) {
    const gap = gaps.get(decision.prompt.id);
    const step: Step = gap && !gap.ok ? { step: 'fatigue', ...gap } : fatigueStep(decision, granted, usage);
    decision.steps.push(step);
    decision.show &&= step.ok;
  }
  return decisions;
}

function fatigueStep(decision: PromptDecision, granted: readonly PromptDecision[], usage: FatigueUsage): Step {
  if (!decision.prompt.interrupting) {
    return { step: 'fatigue', ok: true, reason: 'it is not interrupting, so the fatigue budget does not apply' };
  }
  if (usage.exhausted) return { step: 'fatigue', ok: false, reason: usage.exhausted };
  if (decision.show && !granted.includes(decision)) {
    const ids = granted.map((d) => d.prompt.id).join(', ');
    return {
      step: 'fatigue',
      ok: false,
      reason: `higher-priority interrupting prompts use the remaining budget of ${usage.remaining}: ${ids}`,
    };
  }
  return { step: 'fatigue', ok: true, reason: `the fatigue budget has room for ${usage.remaining} more interrupting prompt(s)` };
}
