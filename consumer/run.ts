/**
 * `pnpm test:consumer`: uses the published packages the way a customer does, outside the workspace.
 * Packs every package with pnpm (after `pnpm build`), checks the manifests (no `workspace:` ranges,
 * `exports` into dist/), installs the tarballs with plain npm in a scratch project under the OS
 * temp folder, then:
 * - type-checks `backend.ts` and the React app in `app/` under `strict` with `skipLibCheck: false`;
 * - renders the app once with react-dom/server, and builds it with Vite;
 * - starts the collector from the installed `hearth-collector` bin;
 * - runs `backend.ts` against it (user token, server event, balance, signed webhook);
 * - drives the app in Chromium (browser-flow.ts).
 * Prints the packed sizes and the collector's start-up time. Exits 1 on the first failure.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mintUserToken } from '../packages/node/src/index.js';
import { browserFlow } from './browser-flow.js';
import { startInstalledCollector } from './installed-collector.js';
import { projectConfig, SECRET } from './project-config.js';
import { installAll, packAll, run } from './scratch-project.js';
import { serveApp } from './static-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'hearth-consumer-'));
const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const node = (args: string[]) => run(process.execPath, args, scratch);

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    skipLibCheck: false,
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    jsx: 'react-jsx',
    outDir: 'out',
    types: ['node'],
  },
  files: ['backend.ts', 'app/src/app.tsx', 'app/src/main.tsx', 'app/src/ssr.tsx'],
};

/** The secret-key admin API, as a product team's tooling calls it. */
const admin = (collectorUrl: string, method: string, path: string, body?: unknown) =>
  fetch(`${collectorUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function expectOk(response: Promise<Response>, what: string): Promise<Response> {
  const res = await response;
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

try {
  const tarballs = packAll(root, scratch);
  const sizes = tarballs.map((file) => `${file} ${(statSync(join(scratch, file)).size / 1024).toFixed(1)} KiB`);

  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  copyFileSync(join(root, 'consumer', 'backend.ts'), join(scratch, 'backend.ts'));
  cpSync(join(root, 'consumer', 'app'), join(scratch, 'app'), { recursive: true });
  const installing = Date.now();
  installAll(root, scratch, tarballs);
  const installTime = seconds(installing);
  for (const name of ['node', 'schema']) {
    const manifest = JSON.parse(readFileSync(join(scratch, 'node_modules', '@hearth', name, 'package.json'), 'utf8')) as {
      dependencies?: object;
    };
    const forbidden = Object.keys(manifest.dependencies ?? {}).filter((dep) => /better-sqlite3|^pg$|hono/.test(dep));
    if (forbidden.length) throw new Error(`@hearth/${name} depends on ${forbidden.join(', ')}: a backend would install the server`);
  }

  node([join('node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
  const html = node([join('out', 'app', 'src', 'ssr.js')]);
  if (!html.includes('<h1>Dashboard</h1>')) throw new Error(`server rendering printed ${html}`);
  node([join('node_modules', 'vite', 'bin', 'vite.js'), 'build', 'app', '--outDir', '../app-dist', '--emptyOutDir', '--logLevel', 'warn']);

  const app = await serveApp(join(scratch, 'app-dist'));
  writeFileSync(join(scratch, 'hearth.config.json'), JSON.stringify(projectConfig(app.url)));
  const collector = await startInstalledCollector(scratch, 'hearth.config.json');
  try {
    // Asynchronously: the static server answers from this process's event loop.
    const { stdout } = await promisify(execFile)(process.execPath, [join(scratch, 'out', 'backend.js'), collector.url], { cwd: scratch });
    const output = JSON.parse(stdout) as Record<string, unknown>;
    const expected = { tokenParts: 3, accepted: 1, balance: 0, header: 'Hearth-Signature', webhook: true };
    if (JSON.stringify(output) !== JSON.stringify(expected))
      throw new Error(`backend.ts printed ${JSON.stringify(output)}, expected ${JSON.stringify(expected)}`);

    const announcement = 'Dark mode is here';
    await expectOk(
      admin(collector.url, 'POST', '/v1/admin/announcements', {
        id: 'dark-mode',
        content: { title: announcement, body: 'Switch it on in Settings.' },
      }),
      'create announcement',
    );
    await expectOk(admin(collector.url, 'POST', '/v1/admin/announcements/dark-mode/publish', {}), 'publish announcement');
    const user = { id: 'ada', token: mintUserToken('ada', { secretKey: SECRET }) };
    await browserFlow({ appUrl: app.url, collectorUrl: collector.url, user, announcement });
    const responses = await (await expectOk(admin(collector.url, 'GET', '/v1/admin/surveys/nps/responses.csv'), 'survey responses')).text();
    if (!responses.split('\n').some((line) => line.includes('ada') && line.includes(',9')))
      throw new Error(`no NPS answer 9 from ada stored:\n${responses}`);
    console.log(
      `consumer: packed ${sizes.join(', ')}; npm install ${installTime}; hearth-collector ready ${collector.startupMs.toFixed(0)} ms after npx`,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\ncollector output:\n${collector.output()}`, { cause: error });
  } finally {
    await collector.stop();
    await app.close();
  }
  console.log(
    `consumer: every package installed from its tarball, type-checked, server-rendered, built and driven in Chromium in ${seconds(started)}`,
  );
} catch (error) {
  const detail = error as { message: string; stdout?: string; stderr?: string };
  console.error(`consumer: ${detail.message}\n${detail.stdout ?? ''}${detail.stderr ?? ''}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
