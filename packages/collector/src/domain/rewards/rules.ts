import type { EarningCaps, EarningRule, EarningTrigger, JsonValue } from '@hearth/schema';
import type { CapCheck } from './ledger.js';
import { DAY_MS } from '../time.js';

/** Where an event came from: the host's backend (secret key) or a browser (public key). */
export type EventOrigin = 'server' | 'client';

/** A happening that may earn points; built-in sources are reported by Hearth's features. */
export type EarningSource =
  | { type: 'event'; name: string; properties: Readonly<Record<string, JsonValue>>; origin: EventOrigin }
  | { type: 'checklistItem'; checklistId: string; itemId: string }
  | { type: 'checklistComplete'; checklistId: string }
  | { type: 'surveyAnswered'; surveyId: string };

type Where = Readonly<Record<string, string | number | boolean | null>> | undefined;

/** Every `where` entry equals the top-level property (a missing property never matches). */
export function matchesWhere(properties: Readonly<Record<string, JsonValue>>, where: Where): boolean {
  return Object.entries(where ?? {}).every(([key, value]) => Object.hasOwn(properties, key) && properties[key] === value);
}

function triggerMatches(on: EarningTrigger, source: EarningSource): boolean {
  switch (on.type) {
    case 'event':
      // A server-only rule ignores browser events entirely: a browser's `track` is a claim.
      return (
        source.type === 'event' &&
        on.event === source.name &&
        (on.source === 'client' || source.origin === 'server') &&
        matchesWhere(source.properties, on.where)
      );
    case 'checklistItem':
      return (
        source.type === 'checklistItem' && on.checklistId === source.checklistId && (on.itemId === undefined || on.itemId === source.itemId)
      );
    case 'checklistComplete':
      return source.type === 'checklistComplete' && (on.checklistId === undefined || on.checklistId === source.checklistId);
    case 'surveyAnswered':
      return source.type === 'surveyAnswered' && (on.surveyId === undefined || on.surveyId === source.surveyId);
  }
}

/** The rules this happening triggers (audience not yet checked: that needs the user's facts). */
export function rulesFor(rules: readonly EarningRule[], source: EarningSource): EarningRule[] {
  return rules.filter((rule) => triggerMatches(rule.on, source));
}

/** Caps as "at most N entries of the rule since T"; windows are rolling 24 h, 7 × 24 h and 30 × 24 h. */
export function capWindows(caps: EarningCaps, now: number): CapCheck {
  const windows: CapCheck['windows'] = [];
  if (caps.oncePerUser) windows.push({ since: 0, max: 1 });
  if (caps.perDay !== undefined) windows.push({ since: now - DAY_MS, max: caps.perDay });
  if (caps.perWeek !== undefined) windows.push({ since: now - 7 * DAY_MS, max: caps.perWeek });
  if (caps.perMonth !== undefined) windows.push({ since: now - 30 * DAY_MS, max: caps.perMonth });
  return { windows };
}

/**
 * The idempotency key of an award: one per happening and rule, so a retried event, a re-sent
 * batch or a state refresh that reports the same checklist item again never pays twice.
 */
export function awardKey(ruleId: string, userId: string, happening: string): string {
  return `rule:${ruleId}:${userId}:${happening}`;
}
