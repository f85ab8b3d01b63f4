/**
 * `pnpm size`: raw, gzip and brotli bytes of every shipped .js file in dist/, checked against
 * size-budgets.json (gzip bytes, 1 KB = 1,000 B as in the size targets; keys are paths relative to
 * dist/, `*` matches within a name). A key joining patterns with ` + ` budgets the sum of those
 * files, each compressed on its own (the browser fetches them separately), e.g. what a page showing
 * one checklist downloads. Exits 1 when anything is over budget or dist/ is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    .filter(([key]) => key.includes(' + '))
    .map(([key, budget]) => {
      const parts = key.split(' + ').map((pattern) => rows.filter((r) => toRegExp(pattern).test(r.file)));
      const gzip = parts.flat().reduce((sum, r) => sum + r.gzip, 0);
      // A pattern matching no file would make the sum look small: that fails too.
      const missing = parts.some((matches) => !matches.length);
      return { file: key, gzip, budget, missing, over: gzip > budget || missing };
    });
  for (const sum of sums) console.log(`${sum.file}: ${sum.gzip} B gzip, budget ${sum.budget} B  ${sum.over ? 'OVER' : 'ok'}`);
  for (const sum of sums.filter((s) => s.missing)) console.error(`size: "${sum.file}" names a file missing from dist/`);
  const over = [...rows, ...sums].filter((r) => r.gzip > (r.budget ?? Infinity));
  for (const r of over) console.error(`size: ${r.file} is ${r.gzip} B gzip, over its ${r.budget} B budget`);
  if (!rows.length) console.error('size: no .js files in dist/');
  return over.length || sums.some((s) => s.missing) || !rows.length ? 1 : 0;
}

process.exitCode = main();
