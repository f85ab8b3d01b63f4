import { createHearthClient } from '@hearth/node';
import type { ProjectConfig } from '@hearth/schema';
import { buildSeedPlan } from './seed-data.js';

/** Seeded users last active this many days ago agreed to email: the digest's audience in the demo. */
const AWAY_DAYS = { min: 35, max: 50 } as const;

/**
 * Acme's backend vouches for the address and the email consent of the seeded users who went quiet
 * 35–50 days ago (trusted traits, set with the secret key: a page could not do it), so the
 * collector's next email round sends each of them the "what's new" digest, which the demo's
 * Mailbox page shows. Setting the same traits again changes nothing, so every start may do it.
 */
export async function seedDemoEmail({
  collectorUrl,
  project,
  secret,
  now,
}: {
  collectorUrl: string;
  project: ProjectConfig;
  secret: string;
  now: Date;
}): Promise<string[]> {
  const hearth = createHearthClient({ baseUrl: collectorUrl, secretKey: secret });
  const away = buildSeedPlan(now, project).users.filter((user) => {
    const last = Math.min(user.signupDaysAgo, ...user.activeDaysAgo);
    return last >= AWAY_DAYS.min && last <= AWAY_DAYS.max;
  });
  for (const user of away) await hearth.setTrustedTraits(user.id, { email: user.traits.email, emailConsent: true, name: user.traits.name });
  return away.map((user) => user.id);
}
