import { DAY_MS } from '../time.js';

/** Expiry months are 30 × 24 h, like every period in Hearth: no calendar or time-zone arithmetic. */
const MONTH_MS = 30 * DAY_MS;

/** Points earned before this instant (epoch ms) expire, when a program sets `expiryMonths`. */
export const expiryCutoff = (expiryMonths: number, now: number) => now - expiryMonths * MONTH_MS;
