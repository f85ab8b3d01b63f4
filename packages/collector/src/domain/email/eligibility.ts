import { emailCategoryOf, type EmailMessage, type JsonValue, type ProjectEmail } from '@hearth/schema';

/** Enough of an address check to refuse obvious junk; the relay has the final word. */
const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

export interface Recipient {
  /** Traits the host's backend set with its secret key: only these can say where and whether to write. */
  trustedTraits: Readonly<Record<string, JsonValue>>;
  /** Categories the user unsubscribed from; `*` after a hard bounce or a complaint. */
  suppressions: readonly string[];
}

/** The address to write to, when the trusted traits hold a plausible one. */
export function recipientAddress(settings: ProjectEmail, recipient: Recipient): string | null {
  const value = recipient.trustedTraits[settings.addressTrait];
  return typeof value === 'string' && value.length <= 320 && ADDRESS.test(value) ? value : null;
}

/**
 * Why this message may not go to this person at all, in the order a reader checks them; empty when
 * it may. Browser-set (`identify`) traits are never read here: a page cannot opt someone in.
 */
export function stopReasons(settings: ProjectEmail, message: EmailMessage, recipient: Recipient): string[] {
  const reasons: string[] = [];
  if (recipient.trustedTraits[settings.consentTrait] !== true)
    reasons.push(`no email consent (trusted trait "${settings.consentTrait}" is not true)`);
  if (recipientAddress(settings, recipient) === null) reasons.push(`no valid address in trusted trait "${settings.addressTrait}"`);
  if (recipient.suppressions.includes('*')) reasons.push('the address bounced or complained: nothing more is sent to it');
  const category = emailCategoryOf(message);
  if (recipient.suppressions.includes(category)) reasons.push(`unsubscribed from ${category}`);
  return reasons;
}
