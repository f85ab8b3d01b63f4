import type { BatchResult } from '@hearth/schema';
import { buildSeedBatches, seedUserId } from './seed-data.js';
import { mintUserToken } from './user-token.js';

export type SeedOptions = {
  collectorUrl: string;
  projectKey: string;
  secret: string;
  /** Read access to the store, to skip seeding when it already ran. */
  hasEvents: (userId: string) => Promise<boolean>;
};

export type SeedSummary = BatchResult & { skipped: boolean; users: number };

/**
 * Sends the demo history through the collector's public `POST /v1/batch`, exactly like browsers
 * would, one verified batch per user. MessageIds are fixed, so a repeat never stores twice; and a
 * store that already has the first seeded user is left alone, since timestamps move with "now"
 * and would otherwise come back as conflicts.
 */
export async function seedDemoData(options: SeedOptions): Promise<SeedSummary> {
  const batches = buildSeedBatches(new Date());
  const summary: SeedSummary = { accepted: 0, duplicates: 0, conflicts: 0, skipped: false, users: batches.length };
  if (await options.hasEvents(seedUserId(0))) return { ...summary, skipped: true };
  for (const { user, events } of batches) {
    const response = await fetch(`${options.collectorUrl}/v1/batch?key=${encodeURIComponent(options.projectKey)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sentAt: new Date().toISOString(), userToken: await mintUserToken(user.id, options.secret), events }),
    });
    if (!response.ok) throw new Error(`seeding ${user.id} failed: ${response.status} ${await response.text()}`);
    const result = (await response.json()) as BatchResult;
    summary.accepted += result.accepted;
    summary.duplicates += result.duplicates;
    summary.conflicts += result.conflicts;
  }
  return summary;
}
