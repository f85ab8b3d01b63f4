import type { RewardsConfigInput } from '@hearth/schema';
import { createApp } from '../app.js';
import { parseConfig } from '../config.js';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';
import { NOW, testConfig } from './http.js';
import { JobWorker } from '../services/job-worker.js';
import { createWebhookJobs } from '../services/webhook-jobs.js';
import { ProjectRegistry } from '../services/project-registry.js';
import { createRewardsService } from '../services/rewards.js';

/** A program exercising every kind of rule, for the route and client tests. */
export const PROGRAM: RewardsConfigInput = {
  rules: [
    { id: 'export', title: 'Export a report', on: { type: 'event', event: 'report_exported' }, points: 50 },
    { id: 'daily-login', title: 'Log in', on: { type: 'event', event: 'logged_in', source: 'client' }, points: 5, caps: { perDay: 1 } },
    {
      id: 'first-invite',
      title: 'Invite a teammate',
      on: { type: 'checklistItem', checklistId: 'getting-started', itemId: 'invite' },
      points: 20,
    },
  ],
  badges: [{ id: 'exporter', name: 'Exporter', unlock: { type: 'rule', ruleId: 'export', count: 2 } }],
  tiers: [
    { id: 'bronze', name: 'Bronze', minPoints: 0 },
    { id: 'silver', name: 'Silver', minPoints: 100, perks: ['Early access'] },
  ],
  catalog: [{ id: 'tee', name: 'T-shirt', cost: 80, stock: 10 }],
  referral: {
    qualifyingEvent: 'project_created',
    referrerPoints: 30,
    referredPoints: 10,
    linkTemplate: 'https://acme.test/join?ref={code}',
  },
  fulfilmentWebhookUrl: 'https://hooks.acme.test/hearth',
};

/** No DNS in tests: a webhook to a name fails at once; receivers are real servers on 127.0.0.1. */
export const NO_DNS = {
  resolve: (hostname: string, callback: (error: NodeJS.ErrnoException, addresses: []) => void) =>
    callback(Object.assign(new Error(`no DNS in tests: ${hostname}`), { code: 'ENOTFOUND' }), []),
};

/** The collector's app with `program` as the test project's rewards (plus `project` fields), and the pieces tests inspect. */
export function rewardsTestApp(program: RewardsConfigInput = PROGRAM, project: Record<string, unknown> = {}) {
  const store = openSqliteStore(':memory:');
  const config = testConfig({ rewards: program, ...project });
  const options = { store, config: parseConfig(config), clock: () => NOW, log: () => undefined, webhookDelivery: NO_DNS };
  const app = createApp(options);
  // A second engine over the same store and program: stateless, so it acts exactly like the app's
  // (its fulfilment webhooks go through a job worker of its own on the same queue).
  const projects = new ProjectRegistry(options.config.projects);
  const worker = new JobWorker({ jobs: store.jobs, clock: options.clock, log: options.log });
  const webhooks = createWebhookJobs(worker, { projects, responses: store.responses, clock: options.clock, delivery: NO_DNS });
  const engine = createRewardsService({ ...options, projects, webhooks });
  return { app, rewards: store.rewards, events: store, engine };
}
