import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { repoRoot } from '../lib/results.js';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Peak resident memory of the server process so far, in MiB (VmHWM). */
  peakRssMiB(): number;
  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number;
  /** Read syscalls and bytes read and written so far (/proc/<pid>/io). */
  io(): ProcessIo;
  stop(): Promise<void>;
}

export interface ProcessIo {
  readCalls: number;
  readBytes: number;
  writeBytes: number;
}

const START_TIMEOUT_MS = 30_000;

/** VmHWM in /proc/<pid>/status is the kernel's own high-water mark of the resident set. */
function readPeakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/**
 * utime + stime from /proc/<pid>/stat, in clock ticks (100 per second on Linux). The server's own
 * CPU per event does not depend on how busy the shared machine is, unlike events/s.
 */
export function readCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * `syscr`, `rchar` and `wchar` from /proc/<pid>/io. SQLite reads a page it does not hold in its cache
 * (or its memory map) with one pread, so read calls per event are its cache misses whatever the OS
 * cached; bytes written are mostly WAL frames (every page a transaction dirtied) and checkpoints.
 */
function readIo(pid: number): ProcessIo {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1] ?? NaN);
  return { readCalls: field('syscr'), readBytes: field('rchar'), writeBytes: field('wchar') };
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/**
 * Starts `entry` (a .ts file) as a separate Node process through tsx and waits for its
 * `{ type: 'listening', url }` message. Separate processes keep the server's CPU, memory and
 * event loop apart from the load generator's. `nodeOptions` go to Node (e.g. `--cpu-prof`); a
 * server on a large store may need more than the default `startTimeoutMs`.
 */
export function startServerProcess(
  entry: string,
  env: Record<string, string> = {},
  nodeOptions: string[] = [],
  startTimeoutMs = START_TIMEOUT_MS,
): Promise<ServerProcess> {
  const child = fork(entry, [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx', ...nodeOptions],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${entry} did not report listening within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with code ${code} before listening`));
    });
    child.on('message', (message: { type?: string; url?: string }) => {
      if (message.type !== 'listening' || !message.url) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const pid = child.pid!;
      resolve({
        url: message.url,
        pid,
        peakRssMiB: () => readPeakRssMiB(pid),
        cpuMs: () => readCpuMs(pid),
        io: () => readIo(pid),
        async stop() {
          const exited = waitForExit(child);
          child.kill('SIGTERM');
          const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timeout);
        },
      });
    });
  });
}
