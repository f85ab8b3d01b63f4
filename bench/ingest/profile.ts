import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { benchConfig } from '../lib/config.js';
import { benchDir, repoRoot } from '../lib/results.js';
import { runLoad } from './load.js';
import { createThrowAwayDatabase } from './postgres-database.js';
import { startServerProcess } from './server-process.js';

/**
 * Where the collector's CPU goes under ingest load: `npx tsx bench/ingest/profile.ts <sqlite|postgres> [batch]`
 * runs the collector with `--cpu-prof`, loads it like the ingest benchmark (BENCH_DURATION s,
 * BENCH_CONNECTIONS connections), stops it, and prints, for the samples taken during the timed
 * load only (not start-up, warm-up or shutdown), the self time per area (the file or package a
 * function lives in) and per function, and the total time (self plus callees) per function. Not
 * part of `pnpm bench`: a diagnosis tool. `BENCH_PROFILE_SQLITE_FILE` / `BENCH_PROFILE_DATABASE_URL`
 * profile an existing (e.g. grown) store instead of a fresh one; it is used as is and kept.
 * `BENCH_PROFILER=0` runs the same load without the profiler, for the CPU per event alone (the
 * profiler's sampling roughly doubles it); `BENCH_PROFILE_KEEP=<file>` keeps the `.cpuprofile`.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds on the monotonic clock `process.hrtime` reads too. */
  startTime: number;
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

const nameOf = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'} ${area(url)}${url ? `:${lineNumber + 1}` : ''}`;

/** Shares of the samples taken between `fromUs` and `toUs` (the timed load); idle time left out of the total. */
function summarize(profile: CpuProfile, fromUs: number, toUs: number, top = 30): string {
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= fromUs && at <= toUs) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const idle = profile.nodes
    .filter((node) => node.callFrame.functionName === '(idle)')
    .reduce((sum, node) => sum + (selfUs.get(node.id) ?? 0), 0);
  const busy = [...selfUs.values()].reduce((a, b) => a + b, 0) - idle;
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  const inclusive = new Map<string, number>();
  // Total time: a node's own samples plus its subtree's, counted once per function name even when
  // the function recurses (a name already on the path is not counted again).
  const walk = (id: number, onPath: Set<string>): number => {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return 0;
    const name = nameOf(node.callFrame);
    const own = selfUs.get(id) ?? 0;
    byFunction.set(name, (byFunction.get(name) ?? 0) + own);
    byArea.set(area(node.callFrame.url), (byArea.get(area(node.callFrame.url)) ?? 0) + own);
    const first = !onPath.has(name);
    if (first) onPath.add(name);
    let sum = own;
    for (const child of node.children ?? []) sum += walk(child, onPath);
    if (first) {
      onPath.delete(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + sum);
    }
    return sum;
  };
  walk(profile.nodes[0]!.id, new Set());
  const lines = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${((us / busy) * 100).toFixed(1).padStart(5)} %  ${name}`);
  return [
    `sampled ${(busy / 1e6).toFixed(1)} s busy (${(idle / 1e6).toFixed(1)} s idle) of the server's main thread during the timed load; shares of the busy time`,
    '',
    'self time by area:',
    ...lines(byArea),
    '',
    'self time by function:',
    ...lines(byFunction),
    '',
    'total time (self + callees) by function:',
    ...lines(inclusive),
  ].join('\n');
}

const profileDir = mkdtempSync(join(tmpdir(), 'hearth-profile-'));
const dataDir = mkdtempSync(join(tmpdir(), 'hearth-profile-db-'));
const profiling = process.env.BENCH_PROFILER !== '0';
const keep = process.env.BENCH_PROFILE_KEEP;
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
    profiling ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [],
    600_000,
  );
  const load = { url: server.url, batchSize, connections: benchConfig.connections };
  await runLoad({ ...load, seconds: benchConfig.ingestWarmupSeconds });
  const [cpuBefore, ioBefore] = [server.cpuMs(), server.io()];
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const result = await runLoad({ ...load, seconds: benchConfig.ingestSeconds });
  const toUs = Number(process.hrtime.bigint() / 1000n);
  const events = Math.max(1, result.eventsPerSec * benchConfig.ingestSeconds);
  const perEvent = `${(((server.cpuMs() - cpuBefore) * 1000) / events).toFixed(1)} µs CPU, ${((server.io().readCalls - ioBefore.readCalls) / events).toFixed(2)} reads, ${((server.io().writeBytes - ioBefore.writeBytes) / events / 1024).toFixed(2)} KiB written per event`;
  await server.stop();
  console.log(
    `${store}, batch ${batchSize}: ${Math.round(result.eventsPerSec)} events/s, p99 ${result.p99Ms} ms${profiling ? ' (under the profiler, which slows it)' : ''}; ${perEvent}; ${result.errors} errors, ${result.non2xx} non-2xx; load average ${loadavg()[0]!.toFixed(1)}\n`,
  );
  if (profiling) {
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no .cpuprofile written');
    if (keep) copyFileSync(join(profileDir, file), keep);
    console.log(summarize(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile, fromUs, toUs));
  }
} finally {
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
}
