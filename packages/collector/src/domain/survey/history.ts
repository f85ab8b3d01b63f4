import { PROMPT_EVENTS, SURVEY_EVENTS, type JsonValue } from '@hearth/schema';

/** What happened to a survey on the user's screen: an ask (`shown`), a dismissal, or "ask me later". */
export type SurveyAskAction = 'shown' | 'dismissed' | 'snoozed';

export interface SurveyAskRecord {
  at: Date;
  action: SurveyAskAction;
}

const ACTIONS = new Map<string, SurveyAskAction>([
  [PROMPT_EVENTS.shown, 'shown'],
  [PROMPT_EVENTS.dismissed, 'dismissed'],
  [SURVEY_EVENTS.snoozed, 'snoozed'],
]);

/**
 * One survey's ask history from the user's stored events (`$prompt_shown`, `$prompt_dismissed`,
 * `$survey_snoozed` with `promptId`), oldest first. Duplicates from several tabs stay: each tab did
 * show it, and the cadence counts asks so that duplicates cannot hand out extra asks.
 */
export function surveyAsksFromEvents(
  surveyId: string,
  events: readonly { name: string; at: Date; properties: Readonly<Record<string, JsonValue>> }[],
): SurveyAskRecord[] {
  return events
    .flatMap((event) => {
      const action = ACTIONS.get(event.name);
      return action && event.properties.promptId === surveyId ? [{ at: event.at, action }] : [];
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
