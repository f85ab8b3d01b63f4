import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';
import { startCollector } from './server.js';
import { testConfig } from './test-support/http.js';
import { checklistInput } from './test-support/prompts.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prompts in the configuration file', () => {
  it('are seeded at every start without duplicates or version churn', async () => {
    const options = {
      config: testConfig({ prompts: [checklistInput('a'), checklistInput('b')] }),
      port: 0,
      sqliteFile: join(dir, 'seed.sqlite'),
    };
    for (let start = 0; start < 2; start++) {
      const collector = await startCollector(options);
      try {
        const records = await collector.store.prompts.list('acme');
        expect(records.map((r) => [r.prompt.id, r.version, r.origin])).toEqual([
          ['a', 1, 'config'],
          ['b', 1, 'config'],
        ]);
      } finally {
        await collector.close();
      }
    }
  });

  it('are validated with the prompt schema, naming the path, and need unique ids', () => {
    const invalid = () => parseConfig(testConfig({ prompts: [{ ...checklistInput('a'), content: { title: 'x', items: [] } }] }));
    expect(invalid).toThrow(ConfigError);
    expect(invalid).toThrow(/projects\.0\.prompts\.0\.content\.items: a checklist needs at least one item/);
    expect(() => parseConfig(testConfig({ prompts: [checklistInput('a'), checklistInput('a')] }))).toThrow(
      /projects\.0\.prompts\.1\.id: already used by prompts\.0/,
    );
  });
});
