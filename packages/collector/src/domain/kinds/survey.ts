import type { SurveyPrompt } from '@hearth/schema';
import { checkCadence } from '../survey/cadence.js';
import { surveyState } from '../survey/survey-state.js';
import type { PromptKindModule } from './kind.js';

/** Asked again by its cadence, which reads the user's responses and asks (and, capped, everyone's). */
export const survey: PromptKindModule<SurveyPrompt> = {
  facts: (prompt) => ({ matches: [], responses: true, askedLast24h: prompt.spread?.type === 'dailyCap' }),
  surveyGap: true,
  decide(prompt, ctx) {
    // Without the user's survey history the cadence cannot be checked: never ask twice by accident.
    const facts = ctx.surveys?.get(prompt.id);
    const cadence = facts
      ? checkCadence(prompt, facts, ctx.now)
      : { ok: false, reason: "the user's survey history was not loaded", cycle: null };
    return {
      steps: [{ step: 'cadence', ok: cadence.ok, reason: cadence.reason }],
      // A shown survey passed its cadence step, which sets the cycle; 1 only satisfies the type.
      state: (locale) => surveyState(prompt, cadence.cycle ?? 1, locale),
    };
  },
};
