import type { SurveyContent, SurveyPrompt, SurveyState, SurveyTranslation } from '@hearth/schema';
import { pickLocale } from '../state/localize.js';

/** Follow-up texts: a translation's groups fill in over the default's, a plain string replaces them. */
function mergeFollowUp(base: SurveyContent['followUp'], t: SurveyTranslation['followUp']): SurveyContent['followUp'] {
  if (t === undefined) return base;
  if (typeof t === 'string' || base === undefined || typeof base === 'string') return t;
  return { ...base, ...t };
}

function localize(content: SurveyContent, t: SurveyTranslation | undefined): SurveyContent {
  if (!t) return content;
  const texts = {
    lowLabel: t.lowLabel ?? content.lowLabel,
    highLabel: t.highLabel ?? content.highLabel,
    thankYou: t.thankYou ?? content.thankYou,
  };
  if (content.type === 'nps') {
    return {
      ...content,
      ...texts,
      product: t.product ?? content.product,
      question: t.question ?? content.question,
      followUp: mergeFollowUp(content.followUp, t.followUp),
    };
  }
  // The schema refuses per-group follow-ups outside NPS.
  const followUp = typeof t.followUp === 'string' ? t.followUp : content.followUp;
  if (content.type === 'csat') return { ...content, ...texts, question: t.question ?? content.question, followUp };
  return { ...content, ...texts, followUp, questions: content.questions.map((q) => ({ id: q.id, text: t.questions?.[q.id] ?? q.text })) };
}

/**
 * A survey as one user receives it in `/v1/state`: the cycle to answer and the texts of one
 * locale; no audience, cadence, spread or other translations. Texts the config leaves out stay
 * out: the widget fills them from its catalog in the user's language.
 */
export function surveyState(prompt: SurveyPrompt, cycle: number, userLocale: string | null): SurveyState {
  const locale = pickLocale([prompt.defaultLocale, ...Object.keys(prompt.translations)], userLocale, prompt.defaultLocale);
  return {
    id: prompt.id,
    kind: 'survey',
    triggers: prompt.triggers,
    interrupting: prompt.interrupting,
    locale,
    cycle,
    display: prompt.display,
    askLater: prompt.askLater,
    dismissible: prompt.dismissible,
    ...(prompt.points === undefined ? {} : { points: prompt.points }),
    content: localize(prompt.content, locale === prompt.defaultLocale ? undefined : prompt.translations[locale]),
  };
}
