import type { CollectorConfigInput } from '../../packages/schema/src/index.js';

/** The one project of the KPI data set: two checklists (one with a holdout), an NPS survey, a rewards program and revenue. */
export const PROJECT_ID = 'bench';
export const SECRET_KEY = 'sk_bench_kpi_secret_not_for_production';
export const CHECKLIST_ID = 'onboarding';
/** A checklist with a randomized holdout over the same items: its KPIs add the uplift (exposed against control). */
export const UPLIFT_CHECKLIST_ID = 'onboarding-holdout';
export const UPLIFT_HOLDOUT_PERCENT = 20;
export const SURVEY_ID = 'nps';
export const REVENUE_CURRENCY = 'EUR';

/** The checklist's items complete on these product events (the KPI reads the user's real events). */
export const CHECKLIST_ITEMS = [
  ['create-project', 'Project Created'],
  ['invite-teammate', 'Teammate Invited'],
  ['export-report', 'Report Exported'],
] as const;

const items = CHECKLIST_ITEMS.map(([id, event]) => ({ id, title: `Do ${event}`, completeWhen: { type: 'event' as const, event } }));

export const kpiBenchConfig: CollectorConfigInput = {
  projects: [
    {
      id: PROJECT_ID,
      name: 'KPI benchmark',
      publicKey: 'pk_bench_kpi_public',
      secretKeys: [SECRET_KEY],
      allowedOrigins: ['*'],
      prompts: [
        {
          id: CHECKLIST_ID,
          kind: 'checklist',
          status: 'live',
          content: {
            title: 'Set up your workspace',
            items,
          },
        },
        {
          id: UPLIFT_CHECKLIST_ID,
          kind: 'checklist',
          status: 'live',
          holdout: { percent: UPLIFT_HOLDOUT_PERCENT },
          content: {
            title: 'Get started',
            items,
          },
        },
        { id: SURVEY_ID, kind: 'survey', status: 'live', content: { type: 'nps', product: 'Bench Projects' } },
      ],
      rewards: {
        rules: [
          {
            id: 'project-created',
            title: 'Create a project',
            on: { type: 'event', event: 'Project Created' },
            points: 10,
            caps: { perDay: 5 },
          },
          { id: 'onboarding-step', title: 'Complete a setup step', on: { type: 'checklistItem', checklistId: CHECKLIST_ID }, points: 50 },
        ],
        tiers: [
          { id: 'bronze', name: 'Bronze', minPoints: 0 },
          { id: 'silver', name: 'Silver', minPoints: 200 },
          { id: 'gold', name: 'Gold', minPoints: 500 },
        ],
        catalog: [{ id: 'sticker-pack', name: 'Sticker pack', cost: 50 }],
        holdout: { percent: 10 },
        pointValue: 0.01,
      },
      revenue: { currency: REVENUE_CURRENCY, grossMarginPercent: 80 },
    },
  ],
  rateLimit: { perProjectPerSecond: 1e9, perClientPerSecond: 1e9 },
};
