import { describe } from 'vitest';
import { accountRollupConformance } from './account-rollup.js';
import { accountsConformance } from './accounts.js';
import { announcementsConformance } from './announcements.js';
import { eventsConformance } from './events.js';
import { expiryConformance } from './expiry.js';
import { factsConformance } from './facts.js';
import type { OpenStore } from './harness.js';
import { jobsConformance } from './jobs.js';
import { rateLimitsConformance } from './rate-limits.js';
import { kpiConformance } from './kpi.js';
import { kpiChecklistRollupConformance } from './kpi-checklist-rollup.js';
import { kpiRetentionConformance } from './kpi-retention.js';
import { kpiProgramAccountsConformance } from './kpi-program-accounts.js';
import { kpiRollupConformance } from './kpi-rollup.js';
import { kpiSegmentCompareConformance } from './kpi-segment-compare.js';
import { promptsConformance } from './prompts.js';
import { responsesConformance } from './responses.js';
import { revenueConformance } from './revenue.js';
import { rewardsConformance } from './rewards.js';
import { settingsConformance } from './settings.js';
import { teamConformance } from './team.js';
import { usersConformance } from './users.js';

/**
 * The behaviour every store must have, registered as Vitest tests, one file per feature (a new
 * sub-store adds its own file here). `open` must open the SAME database each time.
 */
export function storeConformance(name: string, open: OpenStore): void {
  describe(`store conformance: ${name}`, () => {
    eventsConformance(open);
    promptsConformance(open);
    factsConformance(open);
    kpiConformance(open);
    kpiRetentionConformance(open);
    kpiProgramAccountsConformance(open);
    kpiRollupConformance(open);
    kpiSegmentCompareConformance(open);
    kpiChecklistRollupConformance(open);
    announcementsConformance(open);
    rewardsConformance(open);
    responsesConformance(open);
    revenueConformance(open);
    usersConformance(open);
    settingsConformance(open);
    teamConformance(open);
    expiryConformance(open);
    accountsConformance(open);
    accountRollupConformance(open);
    jobsConformance(open);
    rateLimitsConformance(open);
  });
}
