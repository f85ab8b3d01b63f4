/**
 * A customer's project outside the workspace: the packages packed with pnpm (as they publish) and
 * installed from the tarballs with plain npm, next to React, Vite and TypeScript.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const PACKAGES = ['schema', 'node', 'widget', 'collector', 'react'] as const;

export const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Packs each package into `scratch` and checks its manifest; returns the tarball names. */
export function packAll(root: string, scratch: string): string[] {
  for (const name of PACKAGES) run('pnpm', ['pack', '--pack-destination', scratch], join(root, 'packages', name));
  const tarballs = readdirSync(scratch).filter((file) => file.endsWith('.tgz'));
  for (const tarball of tarballs) {
    const manifest = run('tar', ['xzf', tarball, '-O', 'package/package.json'], scratch);
    if (manifest.includes('workspace:')) throw new Error(`${tarball}: package.json still has a workspace: range`);
    if (manifest.includes('./src/')) throw new Error(`${tarball}: package.json points into src/`);
  }
  return tarballs;
}

/**
 * `npm install` of the tarballs and the app's tools, without install scripts: the one that
 * matters, better-sqlite3's, compiles for about 4 minutes. When the workspace already holds a
 * build of the same better-sqlite3 version for this Node, its binary is copied in; otherwise
 * `npm rebuild` compiles it as a plain install would.
 */
export function installAll(root: string, scratch: string, tarballs: string[]): void {
  const tools = [
    'typescript@~5.9.3',
    '@types/node@^20.19.0',
    'react@^19.2.0',
    'react-dom@^19.2.0',
    '@types/react@^19.2.0',
    '@types/react-dom@^19.2.0',
    'vite@^7.3.8',
  ];
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs.map((file) => `./${file}`), ...tools], scratch);
  const installed = join(scratch, 'node_modules', 'better-sqlite3');
  const workspace = dirname(createRequire(join(root, 'packages', 'collector', 'package.json')).resolve('better-sqlite3/package.json'));
  const binary = join('build', 'Release', 'better_sqlite3.node');
  const version = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  if (existsSync(join(workspace, binary)) && version(workspace) === version(installed)) {
    mkdirSync(join(installed, 'build', 'Release'), { recursive: true });
    copyFileSync(join(workspace, binary), join(installed, binary));
  } else {
    run('npm', ['rebuild', 'better-sqlite3'], scratch);
  }
}
