import type { CollectorConfigInput } from '../packages/schema/src/index.js';

export const SECRET = 'sk_acme_secret_change_me_please';

/**
 * The consumer app's project: an onboarding checklist its own events tick, an NPS survey after the
 * first export, and points for each checklist step. Three items, so the checklist never completes
 * (and hides after its celebration) while the test still looks at it.
 */
export function projectConfig(appOrigin: string): CollectorConfigInput {
  return {
    projects: [
      {
        id: 'acme',
        name: 'Acme',
        publicKey: 'pk_acme_public_key',
        secretKeys: [SECRET],
        allowedOrigins: ['https://app.acme.example', appOrigin],
        rewards: {
          rules: [{ id: 'step', title: 'Complete a setup step', on: { type: 'checklistItem', checklistId: 'onboarding' }, points: 50 }],
        },
        prompts: [
          {
            id: 'onboarding',
            name: 'Onboarding',
            kind: 'checklist',
            status: 'live',
            triggers: [{ type: 'load' }],
            content: {
              title: 'Get started',
              items: [
                { id: 'export', title: 'Export a report', completeWhen: { type: 'event', event: 'report_exported' } },
                { id: 'settings', title: 'Open the settings', completeWhen: { type: 'event', event: 'settings_opened' } },
                { id: 'invite', title: 'Invite a teammate', completeWhen: { type: 'event', event: 'teammate_invited' } },
              ],
            },
          },
          {
            id: 'nps',
            name: 'NPS',
            kind: 'survey',
            status: 'live',
            triggers: [{ type: 'event', name: 'report_exported' }],
            content: { type: 'nps', product: 'Acme' },
            display: 'corner',
          },
        ],
      },
    ],
  };
}
