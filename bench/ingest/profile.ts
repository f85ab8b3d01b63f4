import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { benchConfig } from '../lib/config.js';
import { benchDir, repoRoot } from '../lib/results.js';
import { runLoad } from './load.js';
import { createThrowAwayDatabase } from './postgres-database.js';
import { startServerProcess } from './server-process.js';

/**
 * Where the collector's CPU goes under ingest load: `npx tsx bench/ingest/profile.ts <sqlite|postgres> [batch]`
 * runs the collector with `--cpu-prof`, loads it like the ingest benchmark (BENCH_DURATION s,
 * BENCH_CONNECTIONS connections), stops it, and prints the self time of the top functions and per
 * area (the file or package a function lives in). Not part of `pnpm bench`: a diagnosis tool.
 * `BENCH_PROFILE_SQLITE_FILE` / `BENCH_PROFILE_DATABASE_URL` profile an existing (e.g. grown) store
 * instead of a fresh one; it is used as is and kept.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const store = process.argv[2] ?? 'sqlite';
const batchSize = Number(process.argv[3] ?? 20);
if (store !== 'sqlite' && store !== 'postgres') throw new Error('usage: profile.ts <sqlite|postgres> [batch]');

/** A short name for where a function lives: a package, a collector source file, or a Node internal. */
function area(url: string): string {
  if (!url) return '(native / GC / idle)';
  if (url.startsWith('node:')) return url;
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith(repoRoot) ? relative(repoRoot, path) : path;
}

function summarize(profile: CpuProfile, top = 25): string {
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${area(url)}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byArea.set(area(url), (byArea.get(area(url)) ?? 0) + us);
  }
  const lines = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
  return [
    `sampled ${(total / 1e6).toFixed(1)} s of the server's main thread`,
    '',
    'self time by area:',
    ...lines(byArea),
    '',
    'self time by function:',
    ...lines(byFunction),
  ].join('\n');
}

const profileDir = mkdtempSync(join(tmpdir(), 'hearth-profile-'));
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-profile-db-'));
const existingFile = process.env.BENCH_PROFILE_SQLITE_FILE;
const existingUrl = process.env.BENCH_PROFILE_DATABASE_URL;
const database = store === 'postgres' && !existingUrl ? await createThrowAwayDatabase(benchConfig.postgresAdminUrl) : null;
const storeEnv: Record<string, string> =
  store === 'postgres'
    ? { BENCH_COLLECTOR_DATABASE_URL: existingUrl ?? database!.url }
    : { BENCH_COLLECTOR_SQLITE_FILE: existingFile ?? join(dataDir, 'hearth.db') };
try {
  const server = await startServerProcess(
    join(benchDir, 'ingest/collector-server.ts'),
    storeEnv,
    ['--cpu-prof', '--cpu-prof-dir', profileDir],
    600_000,
  );
  const load = { url: server.url, batchSize, connections: benchConfig.connections };
  await runLoad({ ...load, seconds: benchConfig.ingestWarmupSeconds });
  const [cpuBefore, ioBefore] = [server.cpuMs(), server.io()];
  const result = await runLoad({ ...load, seconds: benchConfig.ingestSeconds });
  const events = Math.max(1, result.eventsPerSec * benchConfig.ingestSeconds);
  const perEvent = `${(((server.cpuMs() - cpuBefore) * 1000) / events).toFixed(1)} µs CPU, ${((server.io().readCalls - ioBefore.readCalls) / events).toFixed(2)} reads, ${((server.io().writeBytes - ioBefore.writeBytes) / events / 1024).toFixed(2)} KiB written per event`;
  await server.stop();
  console.log(
    `${store}, batch ${batchSize}: ${Math.round(result.eventsPerSec)} events/s, p99 ${result.p99Ms} ms (under the profiler, which slows it); ${perEvent}; ${result.errors} errors\n`,
  );
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  console.log(summarize(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile));
} finally {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
}
