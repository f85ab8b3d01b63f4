import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ConfigError, parseConfig } from '../config.js';
import { PROGRAM } from '../test-support/rewards-test-app.js';
import { startCollector } from '../server.js';
import { testConfig } from '../test-support/http.js';
import { PRIVATE_TARGETS } from '../test-support/private-targets.js';
import { webhookTargetProblem } from './webhook-target.js';

const SECRET = 'whsec_test_0123456789abcdefghij';

describe('webhook targets', () => {
  it('refuses every loopback, private, link-local, CGNAT and metadata spelling', () => {
    for (const url of PRIVATE_TARGETS) expect(webhookTargetProblem(url), url).not.toBeNull();
  });

  it('accepts public addresses and names', () => {
    for (const url of [
      'https://hooks.acme.example/hearth',
      'http://93.184.216.34/hook',
      'https://[2606:4700::1111]/hook',
      'https://hooks.acme.test/x',
    ]) {
      expect(webhookTargetProblem(url), url).toBeNull();
    }
  });

  it('refuses them in the configuration file, naming the field, unless the project opts out', () => {
    const config = testConfig({
      webhooks: [
        { url: 'https://hooks.acme.example/ok', secrets: [SECRET] },
        { url: 'http://169.254.169.254/', secrets: [SECRET] },
      ],
      rewards: { ...PROGRAM, fulfilmentWebhookUrl: 'http://2130706433/fulfil' },
    });
    const error = (() => {
      try {
        parseConfig(config);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toContain('projects.0.webhooks.1.url: points at 169.254.169.254');
    expect(error?.message).toContain('projects.0.rewards.fulfilmentWebhookUrl: points at 127.0.0.1');
    expect(error?.message).toContain('allowPrivateWebhookTargets');
    expect(error?.message).not.toContain('webhooks.0.url');
    const allowed = parseConfig({ ...config, projects: [{ ...config.projects[0]!, allowPrivateWebhookTargets: true }] });
    expect(allowed.projects[0]?.allowPrivateWebhookTargets).toBe(true);
  });

  it('logs a warning at start for each project that opts out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-private-'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const collector = await startCollector({
        config: testConfig({ allowPrivateWebhookTargets: true }),
        port: 0,
        sqliteFile: join(dir, 's.sqlite'),
      });
      await collector.close();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('project acme allows webhooks to private addresses'));
    } finally {
      warn.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
