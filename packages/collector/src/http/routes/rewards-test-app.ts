import type { RewardsConfigInput } from '@hearth/schema';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { createApp } from '../../app.js';
import { parseConfig } from '../../config.js';
import { rewardsMigration } from '../../storage/sqlite/migrations/006-rewards.js';
import { sqliteRewardsStore } from '../../storage/sqlite/rewards-sqlite.js';
import { openSqliteStore } from '../../storage/sqlite/sqlite-store.js';
import { NOW, testConfig } from '../../test-support/http.js';
import type { AppEnv } from '../app-env.js';
import { setupRewards } from './rewards-setup.js';

/** A program exercising every kind of rule, for the route and client tests. */
export const PROGRAM: RewardsConfigInput = {
  rules: [
    { id: 'export', title: 'Export a report', on: { type: 'event', event: 'report_exported' }, points: 50 },
    { id: 'daily-login', title: 'Log in', on: { type: 'event', event: 'logged_in', source: 'client' }, points: 5, caps: { perDay: 1 } },
    { id: 'first-invite', title: 'Invite a teammate', on: { type: 'checklistItem', checklistId: 'getting-started', itemId: 'invite' }, points: 20 },
  ],
  badges: [{ id: 'exporter', name: 'Exporter', unlock: { type: 'rule', ruleId: 'export', count: 2 } }],
  tiers: [
    { id: 'bronze', name: 'Bronze', minPoints: 0 },
    { id: 'silver', name: 'Silver', minPoints: 100, perks: ['Early access'] },
  ],
  catalog: [{ id: 'tee', name: 'T-shirt', cost: 80, stock: 10 }],
  referral: { qualifyingEvent: 'project_created', referrerPoints: 30, referredPoints: 10, linkTemplate: 'https://acme.test/join?ref={code}' },
  fulfilmentWebhookUrl: 'https://hooks.acme.test/hearth',
};

/** The collector's app with rewards mounted the way app.ts is meant to (see docs/rewards.md). */
export function rewardsTestApp(program: RewardsConfigInput = PROGRAM) {
  const db = new Database(':memory:');
  db.exec(rewardsMigration.sql);
  const rewards = sqliteRewardsStore(db);
  const events = openSqliteStore(':memory:');
  const webhooks: { url: string; headers: Headers; body: string }[] = [];
  const fakeFetch = async (url: string | URL | Request, init?: RequestInit) => {
    webhooks.push({ url: String(url), headers: new Headers(init?.headers), body: String(init?.body) });
    return new Response(null, { status: 204 });
  };
  const config = testConfig();
  const clock = () => NOW;
  const setup = setupRewards({
    store: events,
    rewards,
    config: parseConfig(config),
    programs: { acme: program },
    clock,
    log: () => undefined,
    fetch: fakeFetch as typeof fetch,
  });
  const app = new Hono<AppEnv>();
  app.route('/', setup.routes);
  app.route('/', createApp({ store: setup.ingestStore, config, clock, log: () => undefined }));
  return { app, rewards, events, webhooks, engine: setup.engine };
}
