import type { Batch } from '@hearth/schema';
import type { NewEvent } from './events.js';
import { correctTimestamp, skewOffset } from './clock-skew.js';

export interface PrepareContext {
  projectId: string;
  receivedAt: number;
  /** The user id proven by the batch's token, or null. */
  verifiedUserId: string | null;
  /** Each event's payload hash, in batch order: the event as the client sent it (not the corrected time: a retry has another sentAt). */
  payloadHashes: readonly string[];
}

/** Turns a validated batch into rows: skew-corrected times, verification flag, content hash. */
export function prepareEvents(batch: Batch, { projectId, receivedAt, verifiedUserId, payloadHashes }: PrepareContext): NewEvent[] {
  const offset = skewOffset(batch.sentAt, receivedAt);
  return batch.events.map((event, index) => {
    const userId = event.userId ?? null;
    return {
      projectId,
      messageId: event.messageId,
      type: event.type,
      name: event.type === 'track' ? event.name : null,
      anonymousId: event.anonymousId,
      userId,
      timestamp: correctTimestamp(event.timestamp, offset),
      receivedAt,
      verified: userId !== null && userId === verifiedUserId,
      properties: propertiesOf(event),
      // A group call's traits are what the page said; they are kept here, never on the account.
      traits: event.type === 'identify' || event.type === 'group' ? (event.traits ?? {}) : null,
      context: event.context ?? null,
      payloadHash: payloadHashes[index]!,
    };
  });
}

/** A group event keeps the account it named (its token is never stored); identify events have no properties. */
function propertiesOf(event: Batch['events'][number]): NewEvent['properties'] {
  if (event.type === 'group') return { accountId: event.accountId };
  return (event.type === 'identify' ? undefined : event.properties) ?? {};
}
