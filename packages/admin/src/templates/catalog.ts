import type { z } from 'zod';
import type { announcementInputSchema, checklistPromptSchema, rewardsConfigSchema, surveyPromptSchema } from '@hearth/schema';

/**
 * The gallery's starting points. Each is a complete configuration (checked against the collector's
 * schemas by catalog.test.ts) that opens in its editor as an unsaved draft: nothing is stored until
 * the person saves it.
 */
export type Template = { id: string; title: string; summary: string } & (
  | { kind: 'checklist'; config: z.input<typeof checklistPromptSchema> }
  | { kind: 'survey'; config: z.input<typeof surveyPromptSchema> }
  | { kind: 'announcement'; config: z.input<typeof announcementInputSchema> }
  | { kind: 'rewards'; config: z.input<typeof rewardsConfigSchema> }
);

export const TEMPLATES: readonly Template[] = [
  {
    id: 'onboarding-by-role',
    title: 'Role-based onboarding checklist',
    summary: 'Workspace admins get setup steps; each step completes on the event that proves it, one on a trait.',
    kind: 'checklist',
    config: {
      id: 'admin-onboarding-steps',
      kind: 'checklist',
      name: 'Onboarding by role: admins',
      status: 'draft',
      audience: { type: 'trait', trait: 'role', op: 'equals', value: 'admin' },
      triggers: [{ type: 'load' }],
      content: {
        title: 'Set up your workspace',
        description: 'A few steps to get your team going.',
        items: [
          {
            id: 'create-project',
            title: 'Create your first project',
            completeWhen: { type: 'event', event: 'Project Created' },
            action: { type: 'url', url: '/projects/new', newTab: false },
          },
          {
            id: 'invite-admin',
            title: 'Invite a teammate as admin',
            description: 'Admins can change billing and members.',
            completeWhen: { type: 'event', event: 'Teammate Invited', where: { role: 'admin' } },
          },
          {
            id: 'choose-plan',
            title: 'Choose a plan',
            completeWhen: { type: 'trait', trait: 'plan', op: 'exists' },
          },
        ],
      },
    },
  },
  {
    id: 'nps-detractor-follow-up',
    title: 'NPS with detractor follow-up',
    summary: 'The standard NPS question after a week of use; detractors are asked what to fix first.',
    kind: 'survey',
    config: {
      id: 'nps-quarterly',
      kind: 'survey',
      name: 'NPS: quarterly',
      status: 'draft',
      audience: { type: 'lifecycle', measure: 'daysSinceFirstSeen', op: 'gte', days: 7 },
      triggers: [{ type: 'load' }],
      content: {
        type: 'nps',
        product: 'our product',
        followUp: {
          detractor: 'What is the one thing we should fix first?',
          passive: 'What would make it a 10 for you?',
          promoter: 'What do you like most?',
        },
        comment: true,
      },
      cadence: { reaskAfterDays: 90, snoozeDays: 7, maxAsks: 3, periodDays: 90, minDaysBetweenAsks: 7 },
    },
  },
  {
    id: 'cli',
    title: 'Customer loyalty index (CLI)',
    summary: 'Three questions — recommend, buy again, try new features — on one card.',
    kind: 'survey',
    config: {
      id: 'cli-survey',
      kind: 'survey',
      name: 'Customer loyalty index',
      status: 'draft',
      audience: { type: 'lifecycle', measure: 'daysSinceFirstSeen', op: 'gte', days: 30 },
      triggers: [{ type: 'load' }],
      content: {
        type: 'cli',
        questions: [
          { id: 'recommend', text: 'How likely are you to recommend us to a friend or colleague?' },
          { id: 'repurchase', text: 'How likely are you to renew your subscription?' },
          { id: 'explore', text: 'How likely are you to try our other features?' },
        ],
        comment: true,
      },
    },
  },
  {
    id: 'csat-after-action',
    title: 'CSAT after a key action',
    summary: 'Asks how satisfied people are right after they export their first report.',
    kind: 'survey',
    config: {
      id: 'csat-report-export',
      kind: 'survey',
      name: 'CSAT: report export',
      status: 'draft',
      triggers: [{ type: 'event', name: 'Report Exported' }],
      content: {
        type: 'csat',
        question: 'How satisfied are you with exporting reports?',
        followUp: 'What could be better?',
        comment: true,
      },
      display: 'corner',
    },
  },
  {
    id: 'whats-new',
    title: '“What’s new” announcement',
    summary: 'A release note in the in-app feed and on the public changelog, with a call to action.',
    kind: 'announcement',
    config: {
      id: 'whats-new',
      name: 'What’s new this month',
      category: 'new',
      public: true,
      content: {
        title: 'What’s new this month',
        body: 'Here is what we shipped:\n\n- **Faster exports**: reports export three times faster.\n- **Dark mode**: follows your system setting.',
        cta: { type: 'url', label: 'See the details', url: '/changelog' },
      },
    },
  },
  {
    id: 'inactive-digest',
    title: 'Inactive-user digest',
    summary: 'A “since you were away” note kept for people who have not been seen for two weeks.',
    kind: 'announcement',
    config: {
      id: 'welcome-back',
      name: 'Digest: welcome back',
      category: 'improved',
      public: false,
      digest: { include: true, audience: { type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: 14 } },
      content: {
        title: 'Welcome back: here is what changed',
        body: 'While you were away we made reports faster and added dark mode.',
      },
    },
  },
  {
    id: 'starter-rewards',
    title: 'Starter rewards program',
    summary: 'Points for setup steps, a first badge, two tiers and one reward to spend them on.',
    kind: 'rewards',
    config: {
      rules: [
        {
          id: 'project-created',
          title: 'Create a project',
          on: { type: 'event', event: 'Project Created', source: 'server' },
          points: 50,
          caps: { oncePerUser: true },
        },
        {
          id: 'teammate-invited',
          title: 'Invite a teammate',
          on: { type: 'event', event: 'Teammate Invited', source: 'server' },
          points: 20,
          caps: { oncePerUser: false, perDay: 5 },
        },
      ],
      badges: [{ id: 'first-project', name: 'First project', unlock: { type: 'rule', ruleId: 'project-created', count: 1 } }],
      tiers: [
        { id: 'member', name: 'Member', minPoints: 0 },
        { id: 'champion', name: 'Champion', minPoints: 500, perks: ['Early access to new features'] },
      ],
      catalog: [{ id: 'month-free', name: 'One month free', cost: 1000, perUserLimit: 1 }],
    },
  },
];

export const templateById = (id: string) => TEMPLATES.find((template) => template.id === id) ?? null;
