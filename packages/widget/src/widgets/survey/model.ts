import { computed, signal } from '@preact/signals';
import type { PROMPT_EVENTS, SURVEY_EVENTS, SurveyAnswer, SurveyResponseInput, SurveyState } from '@hearth/schema';
import { fillPlaceholders, type I18n, type Track, type Traits } from '../../runtime/index.js';

/**
 * Events the survey reports through the core's `track` (names from @hearth/schema; the
 * `satisfies` fails the build if they drift), with `{ promptId, kind: 'survey', cycle }`. The
 * collector's cadence reads them: `$prompt_shown` is an ask, `$prompt_dismissed` closes one
 * unanswered, `$survey_snoozed` is "ask me later"; `$prompt_completed` marks the answer.
 */
export const EVENTS = {
  shown: '$prompt_shown',
  dismissed: '$prompt_dismissed',
  completed: '$prompt_completed',
  snoozed: '$survey_snoozed',
} as const satisfies typeof PROMPT_EVENTS & typeof SURVEY_EVENTS;

/** How long the thank-you stays before the survey goes away on its own. */
export const THANKS_MS = 4000;

/** What the core posts to `/v1/responses`, adding the user's identity. */
export type SurveyResponseBody = Pick<SurveyResponseInput, 'surveyId' | 'cycle' | 'answer' | 'comment' | 'locale'>;

export interface SurveyModelOptions {
  survey: SurveyState;
  i18n: I18n;
  traits?: Traits;
  track: Track;
  /** Called the moment a score is chosen (a partial response), and again with the comment. */
  onResponse: (response: SurveyResponseBody) => void;
  /** Answered, snoozed or dismissed: the core may unmount. */
  onHide?: () => void;
}

export type Step = 'rate' | 'comment' | 'thanks';
export type SurveyModel = ReturnType<typeof createSurveyModel>;

/** promoters 9–10, passives 7–8, detractors 0–6 (the same lines as the collector's KPIs). */
const group = (score: number) => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

export function createSurveyModel(options: SurveyModelOptions) {
  const { survey, track, onResponse, onHide } = options;
  const { content } = survey;
  const i18n = signal(options.i18n);
  const traits = signal(options.traits ?? {});
  const step = signal<Step>('rate');
  /** CLI: the question on screen. */
  const index = signal(0);
  const nps = content.type === 'nps';
  const min = nps ? 0 : 1;
  const max = content.type === 'csat' ? 5 : 10;
  /** The scale's one tab stop (roving tabindex). */
  const focus = signal(min);
  const answer = signal<SurveyAnswer | null>(null);
  const visible = signal(true);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const text = (value: string) =>
    fillPlaceholders(value, traits.value).replace(/\{product\}/g, content.type === 'nps' ? content.product : '');
  const questions = computed(() => {
    const { t } = i18n.value;
    if (content.type === 'cli') return content.questions.map((q) => ({ id: q.id, text: text(q.text) }));
    const question = content.type === 'nps' ? (content.question ?? t('npsQuestion', { product: content.product })) : content.question;
    return [{ id: content.type, text: text(question) }];
  });
  const labels = computed(() => {
    const { t } = i18n.value;
    return [
      text(content.lowLabel ?? t(nps ? 'notLikely' : 'unsatisfied')),
      text(content.highLabel ?? t(nps ? 'veryLikely' : 'satisfied')),
    ] as const;
  });
  const followUp = computed(() => {
    const chosen = answer.value;
    const configured = content.followUp;
    const byGroup = typeof configured === 'object' && chosen?.type === 'nps' ? configured[group(chosen.score)] : undefined;
    return text(byGroup ?? (typeof configured === 'string' ? configured : i18n.value.t('followUp')));
  });
  const thanks = computed(() => text(content.thankYou ?? i18n.value.t('thanks')));
  const event = () => ({ promptId: survey.id, kind: 'survey', cycle: survey.cycle });
  const respond = (comment?: string) =>
    answer.value &&
    onResponse({ surveyId: survey.id, cycle: survey.cycle, answer: answer.value, locale: survey.locale, ...(comment ? { comment } : {}) });

  const hide = () => {
    clearTimeout(timer);
    if (!visible.value) return;
    visible.value = false;
    onHide?.();
  };
  const finish = () => {
    step.value = 'thanks';
    timer = setTimeout(hide, THANKS_MS);
  };

  const actions = {
    shown: () => track(EVENTS.shown, event()),
    /** Moves the scale's tab stop (arrow keys, or focus by pointer); clamped to the scale. */
    focus(score: number) {
      focus.value = Math.min(max, Math.max(min, score));
    },
    /** A score for the question on screen: saved at once; the next question, the follow-up or thanks. */
    choose(score: number) {
      if (step.value !== 'rate' || !Number.isInteger(score) || score < min || score > max) return;
      const current = answer.value;
      const id = questions.value[index.value]?.id ?? '';
      answer.value =
        content.type === 'cli'
          ? { type: 'cli', scores: { ...(current?.type === 'cli' ? current.scores : {}), [id]: score } }
          : { type: content.type, score };
      respond();
      if (index.value < questions.value.length - 1) {
        index.value += 1;
        focus.value = min;
        return;
      }
      track(EVENTS.completed, event());
      if (content.comment) step.value = 'comment';
      else finish();
    },
    /** Sends the comment (an empty one just closes the step). */
    send(comment: string) {
      if (step.value !== 'comment') return;
      const trimmed = comment.trim();
      if (trimmed) respond(trimmed);
      finish();
    },
    snooze() {
      if (!survey.askLater || answer.value) return;
      track(EVENTS.snoozed, event());
      hide();
    },
    /** Before any answer this is a dismissal (it counts as an ask); afterwards it only closes. */
    close() {
      if (!answer.value) {
        if (!survey.dismissible) return;
        track(EVENTS.dismissed, event());
      }
      hide();
    },
    setContext(context: { i18n?: I18n; traits?: Traits }) {
      if (context.i18n) i18n.value = context.i18n;
      if (context.traits) traits.value = context.traits;
    },
    dispose: () => clearTimeout(timer),
  };

  return { survey, i18n, step, index, focus, answer, visible, questions, labels, followUp, thanks, min, max, actions };
}
