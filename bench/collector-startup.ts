/**
 * Start-up to ready of a collector bin on an empty SQLite store: wall time until it prints
 * "listening", and the CPU time it used until then (read from /proc, so Linux only; less
 * sensitive to a busy machine than wall time). Five runs, each on a fresh store.
 *
 *   tsx bench/collector-startup.ts [path/to/hearth-collector] [hearth.config.json]
 *
 * Default bin: the workspace's (TypeScript through tsx). For the published shape, pass the bin of
 * an npm install of the packed tarballs (node_modules/.bin/hearth-collector).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 5;
const bin = process.argv[2] ?? new URL('../packages/collector/bin/hearth-collector.js', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'hearth-startup-'));
const config = process.argv[3] ?? join(scratch, 'hearth.config.json');
if (!process.argv[3]) {
  const project = {
    id: 'acme',
    name: 'Acme',
    publicKey: 'pk_acme_public_key',
    secretKeys: ['sk_acme_secret_change_me_please'],
    allowedOrigins: ['https://app.acme.example'],
  };
  writeFileSync(config, JSON.stringify({ projects: [project] }));
}

/** utime + stime of a live process, in ms (clock ticks are 10 ms on Linux). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const wall: number[] = [];
const cpu: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, 'start', '--config', config, '--port', '0', '--sqlite', join(scratch, `run-${run}.sqlite`)], {
    env: { ...process.env, DATABASE_URL: '', PORT: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (data: Buffer) => data.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`collector exited (${code}) before it was ready`)));
  });
  wall.push(Number(process.hrtime.bigint() - started) / 1e6);
  cpu.push(cpuMs(child.pid!));
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}
rmSync(scratch, { recursive: true, force: true });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(`bin: ${bin}`);
console.log(`wall until ready: ${wall.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(wall).toFixed(0)} ms)`);
console.log(`CPU until ready:  ${cpu.join(', ')} ms (median ${median(cpu)} ms)`);
