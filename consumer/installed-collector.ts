import { spawn } from 'node:child_process';

export interface RunningCollector {
  url: string;
  /** From spawning `npx hearth-collector start` to its "listening" line. */
  startupMs: number;
  /** What it printed so far (its error log, when a request failed). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the collector through the installed bin, as the quickstart does, on a free port. */
export function startInstalledCollector(scratch: string, configFile: string): Promise<RunningCollector> {
  const started = performance.now();
  const child = spawn(
    'npx',
    ['--no-install', 'hearth-collector', 'start', '--config', configFile, '--port', '0', '--sqlite', 'hearth.sqlite'],
    {
      cwd: scratch,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: npx runs the bin in a child, and stopping must reach both.
      detached: true,
    },
  );
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`hearth-collector did not start in 30 s:\n${output}`))), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, startupMs: performance.now() - started, output: () => output, stop });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hearth-collector exited with ${code}:\n${output}`));
    });
  });
}
