import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-kpi-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCRIPT = fileURLToPath(new URL('../../test-support/read-one-kpi.ts', import.meta.url));

describe('SQLite KPI reader process', () => {
  // The reader is unref'd so an idle one never holds the collector open; a read or a close that is
  // awaited must hold it, or a process with nothing else to do exits 0 with the promise unsettled.
  it('keeps a process alive while a KPI read or the close is awaited', async () => {
    const file = join(dir, 'kpi.sqlite');
    await openSqliteStore(file).close();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT, file]);
    expect(stdout.trim().split('\n')).toEqual(['rows 0', 'closed']);
  }, 30_000);
});
