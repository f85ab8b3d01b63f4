import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { kpiReadersOf } from '../../test-support/kpi-readers.js';
import { openSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-kpi-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const READ_ONE = fileURLToPath(new URL('../../test-support/read-one-kpi.ts', import.meta.url));
const PARENT = fileURLToPath(new URL('../../test-support/kpi-reader-parent.ts', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls until `pid` is gone; false if it is still there after `limitMs` (a hang, not a speed check). */
async function gone(pid: number, limitMs = 60_000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < limitMs; await sleep(50)) if (!alive(pid)) return true;
  return false;
}

async function storeFile(name: string): Promise<string> {
  const file = join(dir, name);
  await openSqliteStore(file).close();
  return file;
}

/** Starts kpi-reader-parent.ts in `mode`; resolves once it printed `ready`, with its pid and its reader's. */
async function startParent(file: string, mode: 'hold' | 'exit' | 'busy') {
  const child = spawn(process.execPath, ['--import', 'tsx', PARENT, file, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the parent exited with ${code} before it was ready`)));
  });
  // In `exit` mode the reader may already be gone when ps looks: read its pid before `ready` is handled.
  const readers: number[] = [];
  const watch = setInterval(() => readers.push(...kpiReadersOf(child.pid!).filter((pid) => !readers.includes(pid))), 20);
  try {
    await ready;
  } finally {
    clearInterval(watch);
  }
  return { child, readers };
}

describe('SQLite KPI reader process', () => {
  // The reader is unref'd so an idle one never holds the collector open; a read or a close that is
  // awaited must hold it, or a process with nothing else to do exits 0 with the promise unsettled.
  it('keeps a process alive while a KPI read or the close is awaited', async () => {
    const file = await storeFile('kpi.sqlite');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', READ_ONE, file]);
    expect(stdout.trim().split('\n')).toEqual(['rows 0', 'closed']);
  }, 30_000);

  it('starts with a store opened with startKpiReader, which is not ready until the reader is up', async () => {
    const file = await storeFile('eager.sqlite');
    const lazy = openSqliteStore(file);
    // Without the option nothing is forked until a KPI is read, and the store is ready at once.
    expect(await lazy.readiness()).toBeNull();
    expect(kpiReadersOf(process.pid)).toEqual([]);
    await lazy.close();

    const store = openSqliteStore(file, { startKpiReader: true });
    // Asked before the event loop could take the reader's first message: it cannot be up yet.
    expect(await store.readiness()).toMatch(/KPI reader process is starting/);
    const [reader] = kpiReadersOf(process.pid);
    expect(reader).toBeGreaterThan(0);
    while ((await store.readiness()) !== null) await sleep(20);
    await store.kpi.checklistRows('acme', { promptId: 'onboarding', items: [], to: new Date() });
    // The read went to the reader started with the store; closing the store kills it.
    expect(kpiReadersOf(process.pid)).toEqual([reader]);
    await store.close();
    expect(alive(reader!)).toBe(false);
  }, 30_000);

  it.each(['hold', 'busy'] as const)(
    'exits when the process that started it is killed (%s)',
    async (mode) => {
      const { child, readers } = await startParent(await storeFile(`killed-${mode}.sqlite`), mode);
      expect(readers).toHaveLength(1);
      child.kill('SIGKILL');
      // A busy reader is in a statement for hours: only its watchdog thread can notice.
      expect(await gone(readers[0]!)).toBe(true);
    },
    90_000,
  );

  it('is killed when the process that started it exits without closing it', async () => {
    const { child, readers } = await startParent(await storeFile('exit.sqlite'), 'exit');
    expect(readers).toHaveLength(1);
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    expect(await gone(readers[0]!)).toBe(true);
  }, 60_000);
});
