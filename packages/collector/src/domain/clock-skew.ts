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
