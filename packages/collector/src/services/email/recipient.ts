import type { EmailMessage, ProjectConfig, ProjectEmail } from '@hearth/schema';
import { stopReasons } from '../../domain/email/eligibility.js';
import { evaluateAudience } from '../../domain/targeting/evaluate.js';
import { audienceQueries, createUserFacts } from '../../domain/targeting/facts.js';
import type { EmailCandidate } from '../../storage/email/email-store.js';
import type { Store } from '../../storage/store.js';
import { loadAccountFacts } from '../account-facts.js';

/** The project's email settings; only projects that have them send. */
export function emailSettings(project: ProjectConfig): ProjectEmail {
  if (!project.email) throw new Error(`project ${project.id} has no email settings`);
  return project.email;
}

/**
 * Why `candidate` may not get `message` now, read fresh from the store: consent and address
 * (trusted traits), unsubscribes and bounces, then the message's audience. Empty when they may.
 */
export async function whyNot(
  store: Pick<Store, 'email' | 'facts' | 'accounts'>,
  project: ProjectConfig,
  message: EmailMessage,
  candidate: EmailCandidate,
  now: Date,
): Promise<string[]> {
  const suppressions = await store.email.suppressions(project.id, candidate.userId);
  const reasons = stopReasons(emailSettings(project), message, { trustedTraits: candidate.trustedTraits, suppressions });
  if (message.audience) {
    const subject = { userId: candidate.userId };
    const [answers, account] = await Promise.all([
      store.facts.answer(project.id, subject, { counts: audienceQueries(message.audience), matches: [] }, now),
      loadAccountFacts(store, project.id, candidate.userId, { audiences: [message.audience] }, now),
    ]);
    const facts = createUserFacts(
      {
        userId: candidate.userId,
        traits: candidate.traits,
        locale: typeof candidate.traits.locale === 'string' ? candidate.traits.locale : null,
        firstSeen: new Date(candidate.firstSeen),
        lastSeen: new Date(candidate.lastSeen),
      },
      { ...answers, account },
    );
    const result = evaluateAudience(message.audience, facts, now, { promptId: `email:${message.id}` });
    if (!result.matched) reasons.push(`not in the message's audience: ${result.reasons.join('; ')}`);
  }
  return reasons;
}

/** Placeholders read the user's traits, the trusted ones winning (a page cannot rename someone in an email). */
export const mergedTraits = (candidate: EmailCandidate) => ({ ...candidate.traits, ...candidate.trustedTraits });
