import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS, type JsonValue } from '@hearth/schema';

export interface ActivityEvent {
  name: string;
  at: Date;
  properties: Readonly<Record<string, JsonValue>>;
}

/** One user's announcement state, derived from their stored events (same on every device). */
export interface AnnouncementActivity {
  read: ReadonlySet<string>;
  /** The latest reaction per announcement. */
  reactions: ReadonlyMap<string, 'up' | 'down'>;
  /** Announcements whose boosted toast or modal was shown. */
  boostedShown: ReadonlySet<string>;
  /** When digests were shown, epoch ms, ascending. */
  digestsShownAt: readonly number[];
}

/** The event names `foldActivity` reads: what a store selects for one user. */
export const ACTIVITY_EVENT_NAMES = [
  ANNOUNCEMENT_EVENTS.read,
  ANNOUNCEMENT_EVENTS.reacted,
  ANNOUNCEMENT_EVENTS.digestShown,
  PROMPT_EVENTS.shown,
] as const;

/**
 * Folds a user's events (any order) into their announcement state. Events without a string
 * `announcementId` (or, for boosted displays, `kind: 'announcement'`) cannot be attributed and are ignored.
 */
export function foldActivity(events: readonly ActivityEvent[]): AnnouncementActivity {
  const read = new Set<string>();
  const reactions = new Map<string, { reaction: 'up' | 'down'; at: number }>();
  const boostedShown = new Set<string>();
  const digestsShownAt: number[] = [];
  for (const { name, at, properties } of events) {
    const id = properties.announcementId;
    if (name === PROMPT_EVENTS.shown) {
      if (properties.kind === 'announcement' && typeof properties.promptId === 'string') boostedShown.add(properties.promptId);
    } else if (name === ANNOUNCEMENT_EVENTS.digestShown) {
      digestsShownAt.push(at.getTime());
    } else if (typeof id !== 'string') {
      continue;
    } else if (name === ANNOUNCEMENT_EVENTS.read) {
      read.add(id);
    } else if (name === ANNOUNCEMENT_EVENTS.reacted) {
      const reaction = properties.reaction;
      const previous = reactions.get(id);
      if ((reaction === 'up' || reaction === 'down') && (!previous || previous.at <= at.getTime()))
        reactions.set(id, { reaction, at: at.getTime() });
    }
  }
  return {
    read,
    reactions: new Map([...reactions].map(([id, r]) => [id, r.reaction])),
    boostedShown,
    digestsShownAt: digestsShownAt.sort((a, b) => a - b),
  };
}
