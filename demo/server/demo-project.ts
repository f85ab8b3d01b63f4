import { readFileSync } from 'node:fs';
import { loadConfig } from '@hearth/collector';
import type { CollectorConfigInput, ProjectConfig } from '@hearth/schema';
import { demoPaths } from './paths.js';

/** The `acme` project from demo/hearth.config.json: its keys feed the snippet and token minting. */
export function loadDemoProject(configPath = demoPaths.configFile): { project: ProjectConfig; secret: string } {
  const config = loadConfig(configPath);
  const project = config.projects.find((candidate) => candidate.id === 'acme');
  const secret = project?.secretKeys[0];
  if (!project || !secret) throw new Error(`${configPath}: projects: expected a project with id "acme" and a secret key`);
  return { project, secret };
}

/** The origin demo/hearth.config.json assumes for the demo app (`pnpm start`'s default port). */
const CONFIGURED_DEMO_ORIGIN = 'http://127.0.0.1:3000';

/**
 * The collector configuration with the demo-app URLs (rewards fulfilment webhook, referral
 * links, survey webhooks) moved to where the demo app really listens (another port, or a test's).
 */
export function demoCollectorConfig(demoOrigin: string, configPath = demoPaths.configFile): CollectorConfigInput {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as CollectorConfigInput;
  const move = (url: string | undefined) => url?.replace(CONFIGURED_DEMO_ORIGIN, demoOrigin);
  for (const project of config.projects) {
    for (const webhook of project.webhooks ?? []) webhook.url = move(webhook.url) ?? webhook.url;
    const rewards = project.rewards;
    if (!rewards) continue;
    rewards.fulfilmentWebhookUrl = move(rewards.fulfilmentWebhookUrl);
    if (rewards.referral) rewards.referral.linkTemplate = move(rewards.referral.linkTemplate) ?? rewards.referral.linkTemplate;
  }
  return config;
}
