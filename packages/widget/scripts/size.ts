/**
 * `pnpm size`: raw, gzip and brotli bytes of every shipped .js file in dist/, checked against
 * size-budgets.json (gzip bytes, 1 KB = 1,000 B as in the size targets; keys are paths relative to
 * dist/, `*` matches within a name). The key "page showing one checklist" budgets the sum of what
 * that page downloads, each file compressed on its own (the browser fetches them separately), as
 * `pageWithChecklist` reads it from the built files: the same files `pnpm bench` holds to the size
 * target. Exits 1 when anything is over budget, a key budgets nothing, or dist/ is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDistFiles, pageWithChecklist } from './dist-files.js';
import { compressedSizes } from './measure-size.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function listJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'types' ? [] : listJs(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const toRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*')}$`,
  );

/** Budgets that name a page rather than a file: what that page downloads, summed. */
const PAGES: Record<string, (distDir: string) => string[] | undefined> = {
  'page showing one checklist': (distDir) => pageWithChecklist(distDir, listDistFiles(distDir)),
};

function budgetFor(file: string, budgets: Record<string, number>): number | undefined {
  const match = Object.keys(budgets).find((pattern) => toRegExp(pattern).test(file));
  return match === undefined ? undefined : budgets[match];
}

function main(): number {
  if (!existsSync(dist)) {
    console.error(`size: ${relative(process.cwd(), dist)} is missing; run \`pnpm build\` first`);
    return 1;
  }
  const budgets = JSON.parse(readFileSync(join(root, 'size-budgets.json'), 'utf8')) as Record<string, number>;
  const rows = listJs(dist).map((path) => {
    const file = relative(dist, path).split(sep).join('/');
    const { raw, gzip, brotli } = compressedSizes(readFileSync(path));
    const budget = budgetFor(file, budgets);
    return { file, raw, gzip, brotli, budget, over: budget !== undefined && gzip > budget };
  });
  const head = ['file', 'raw', 'gzip', 'brotli', 'budget (gzip)', ''];
  const table = rows.map((r) => [r.file, r.raw, r.gzip, r.brotli, r.budget ?? '-', r.over ? 'OVER' : 'ok'].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]?.length ?? 0)));
  for (const row of [head, ...table]) {
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '));
  }
  const sums = Object.entries(budgets)
    .filter(([key]) => key in PAGES)
    .map(([key, budget]) => {
      const files = PAGES[key]!(dist) ?? [];
      const gzip = rows.filter((r) => files.includes(r.file)).reduce((sum, r) => sum + r.gzip, 0);
      return { file: key, files, gzip, budget, missing: !files.length, over: gzip > budget || !files.length };
    });
  for (const sum of sums)
    console.log(`${sum.file} (${sum.files.join(' + ')}): ${sum.gzip} B gzip, budget ${sum.budget} B  ${sum.over ? 'OVER' : 'ok'}`);
  for (const sum of sums.filter((s) => s.missing)) console.error(`size: "${sum.file}" finds none of its files in dist/`);
  // A key matching nothing (a renamed chunk, a typo) would budget nothing: that fails too.
  const unused = Object.keys(budgets).filter((key) => !(key in PAGES) && !rows.some((r) => toRegExp(key).test(r.file)));
  for (const key of unused) console.error(`size: budget "${key}" matches no file in dist/`);
  const over = [...rows, ...sums].filter((r) => r.gzip > (r.budget ?? Infinity));
  for (const r of over) console.error(`size: ${r.file} is ${r.gzip} B gzip, over its ${r.budget} B budget`);
  if (!rows.length) console.error('size: no .js files in dist/');
  return over.length || sums.some((s) => s.missing) || unused.length || !rows.length ? 1 : 0;
}

process.exitCode = main();
