import { PROMPT_EVENTS, type JsonValue, type PromptKind } from '@hearth/schema';

export type DisplayAction = 'shown' | 'dismissed' | 'completed';

/** One thing that happened to a prompt on the user's screen; frequency and fatigue read these. */
export interface DisplayRecord {
  promptId: string;
  kind: PromptKind;
  at: Date;
  action: DisplayAction;
  /** Set for an email sent to the user: it always counts against the project's fatigue budget. */
  channel?: 'email';
}

const ACTIONS = new Map<string, DisplayAction>(Object.entries(PROMPT_EVENTS).map(([action, name]) => [name, action as DisplayAction]));

/**
 * Display history from the user's stored prompt events (`$prompt_shown` … with properties
 * `{ promptId, kind }`). Events missing either property are ignored: they cannot be attributed.
 * The result is sorted by time; duplicates from several tabs stay (each tab did show it).
 */
export function historyFromEvents(
  events: readonly { name: string; at: Date; properties: Readonly<Record<string, JsonValue>> }[],
): DisplayRecord[] {
  const records: DisplayRecord[] = [];
  for (const event of events) {
    const action = ACTIONS.get(event.name);
    const { promptId, kind } = event.properties;
    if (!action || typeof promptId !== 'string' || typeof kind !== 'string') continue;
    const channel = event.properties.channel === 'email' ? { channel: 'email' as const } : {};
    records.push({ promptId, kind: kind as PromptKind, at: event.at, action, ...channel });
  }
  return records.sort((a, b) => a.at.getTime() - b.at.getTime());
}
