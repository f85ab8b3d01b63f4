/**
 * `pnpm test:consumer`: uses the published packages the way a customer's backend does, outside the
 * workspace. Packs @hearth/schema and @hearth/node with pnpm (after `pnpm build`), checks the
 * manifests (no `workspace:` ranges, `exports` into dist/), installs the tarballs with plain npm in
 * a scratch project under the OS temp folder, type-checks `backend.ts` there under `strict` with
 * `skipLibCheck: false`, and runs it against a real collector: it mints a user token, tracks a
 * server event, reads a balance and verifies a signed webhook. Exits 1 on the first failure.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCollector } from '../packages/collector/src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['schema', 'node'];
const SECRET = 'sk_acme_secret_change_me_please';
const scratch = mkdtempSync(join(tmpdir(), 'hearth-consumer-'));
const run = (command: string, args: string[], cwd: string) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const started = Date.now();

try {
  for (const name of PACKAGES) run('pnpm', ['pack', '--pack-destination', scratch], join(root, 'packages', name));
  const tarballs = readdirSync(scratch).filter((file) => file.endsWith('.tgz'));
  for (const tarball of tarballs) {
    const manifest = run('tar', ['xzf', tarball, '-O', 'package/package.json'], scratch);
    if (manifest.includes('workspace:')) throw new Error(`${tarball}: package.json still has a workspace: range`);
    if (manifest.includes('./src/')) throw new Error(`${tarball}: package.json points into src/`);
  }

  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(scratch, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, skipLibCheck: false, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', outDir: 'out', types: ['node'] },
      files: ['backend.ts'],
    }),
  );
  copyFileSync(join(root, 'consumer', 'backend.ts'), join(scratch, 'backend.ts'));
  run('npm', ['install', '--no-audit', '--no-fund', ...tarballs.map((file) => `./${file}`), 'typescript@~5.9.3', '@types/node@^20.19.0'], scratch);
  const installed = readdirSync(join(scratch, 'node_modules'));
  for (const forbidden of ['better-sqlite3', 'pg', 'hono', '@hono']) {
    if (installed.includes(forbidden)) throw new Error(`@hearth/node pulled in ${forbidden}`);
  }
  run(process.execPath, [join(scratch, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], scratch);

  const project = { id: 'acme', name: 'Acme', publicKey: 'pk_acme_public_key', secretKeys: [SECRET], allowedOrigins: ['https://app.acme.example'] };
  const collector = await startCollector({ config: { projects: [project] }, sqliteFile: join(scratch, 'hearth.sqlite'), port: 0 });
  try {
    // Asynchronously: the collector answers from this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, [join(scratch, 'out', 'backend.js'), collector.url], { cwd: scratch });
    const output = JSON.parse(stdout) as Record<string, unknown>;
    const expected = { tokenParts: 3, accepted: 1, balance: 0, header: 'Hearth-Signature', webhook: true };
    if (JSON.stringify(output) !== JSON.stringify(expected)) throw new Error(`backend.ts printed ${JSON.stringify(output)}, expected ${JSON.stringify(expected)}`);
  } finally {
    await collector.close();
  }
  console.log(`consumer: @hearth/schema and @hearth/node installed from their tarballs, type-checked and used against a collector in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  const detail = error as { message: string; stdout?: string; stderr?: string };
  console.error(`consumer: ${detail.message}\n${detail.stdout ?? ''}${detail.stderr ?? ''}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
