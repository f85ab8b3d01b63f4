import type { EarningTrigger, Prompt } from '@hearth/schema';
import { evaluateAudience } from '../targeting/evaluate.js';
import type { UserFacts } from '../targeting/facts.js';

/** Whether a user can ever earn by this trigger, apart from the rule's own audience. */
export type Earnable = (on: EarningTrigger) => boolean;

/**
 * Rules fed by a checklist or a survey pay only when that prompt reaches the user, so "ways to
 * earn" lists them only for users the prompt can reach: it exists, is live or scheduled and not
 * over, and its audience takes the user, by the same evaluation (`evaluateAudience`, the same
 * facts) that decides the prompts themselves. A trigger naming no prompt needs any one of its kind;
 * event rules are left to their own audience.
 */
export function earnableTriggers(prompts: readonly Prompt[], facts: UserFacts, now: Date): Earnable {
  const reaches = (prompt: Prompt) =>
    (prompt.status === 'live' || prompt.status === 'scheduled') &&
    !(prompt.schedule.endAt && now.getTime() >= Date.parse(prompt.schedule.endAt)) &&
    evaluateAudience(prompt.audience, facts, now, { promptId: prompt.id }).matched;
  const reached = prompts.filter(reaches);
  const some = (kind: Prompt['kind'], id: string | undefined, fits: (prompt: Prompt) => boolean = () => true) =>
    reached.some((prompt) => prompt.kind === kind && (id === undefined || prompt.id === id) && fits(prompt));
  return (on) => {
    switch (on.type) {
      case 'event':
        return true;
      case 'checklistItem':
        return some(
          'checklist',
          on.checklistId,
          (prompt) =>
            on.itemId === undefined || (prompt.kind === 'checklist' && prompt.content.items.some((item) => item.id === on.itemId)),
        );
      case 'checklistComplete':
        return some('checklist', on.checklistId);
      case 'surveyAnswered':
        return some('survey', on.surveyId);
    }
  };
}
