import { EVENT_TIME_LIMITS } from '@hearth/schema';

/**
 * Client clocks are often wrong (by hours, sometimes days). The batch says when the client sent
 * it; the difference to our receive time is the client's offset, applied to every event in it.
 * Network latency is included, which is a few hundred ms at worst and always in the safe direction.
 */
export function skewOffset(sentAt: string, receivedAt: number): number {
  return receivedAt - Date.parse(sentAt);
}

export function correctTimestamp(timestamp: string, offset: number): number {
  return Date.parse(timestamp) + offset;
}

const EARLIEST = Date.parse(EVENT_TIME_LIMITS.earliest);

/**
 * Why an event time (corrected, epoch ms) is refused, or null: more than the documented margin past
 * `now`, or before the earliest accepted time. The margin covers what correction cannot: the time
 * between the batch's `sentAt` and its arrival is added to every event.
 */
export function eventTimeIssue(at: number, now: number): string | null {
  if (!Number.isFinite(at) || at > now + EVENT_TIME_LIMITS.maxFutureMs) {
    return `after clock-skew correction the time is more than ${EVENT_TIME_LIMITS.maxFutureMs / 60_000} minutes ahead of the collector's clock`;
  }
  if (at < EARLIEST) return `after clock-skew correction the time is before ${EVENT_TIME_LIMITS.earliest}, the earliest accepted`;
  return null;
}

/** One issue per event whose time is out of bounds, named `events.<index>.timestamp`. */
export function eventTimeIssues(times: readonly number[], now: number): { path: string; message: string }[] {
  return times.flatMap((at, index) => {
    const message = eventTimeIssue(at, now);
    return message ? [{ path: `events.${index}.timestamp`, message }] : [];
  });
}
