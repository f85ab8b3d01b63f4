import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runIfMain } from './lib/cli.js';
import { kb } from './lib/format.js';
import type { BenchReport, TargetCheck } from './lib/report.js';
import { repoRoot } from './lib/results.js';
import { addSizes, compressedSizes, type Sizes } from './size/compressed-sizes.js';
import {
  listDistFiles,
  pageFiles,
  pageWithChecklist,
  shortName,
  staticClosure,
  type DistFile,
} from '../packages/widget/scripts/dist-files.js';

const DIST = join(repoRoot, 'packages/widget/dist');

/** The size targets, gzip bytes (1 KB = 1,000 bytes, the stricter reading). */
const TARGETS = { snippet: 600, core: 6_000, pageWithChecklist: 21_000, allWidgets: 36_000 };

interface Bundle {
  label: string;
  files: string[];
  sizes: Sizes;
}

function sizesOf(files: readonly string[]): Sizes {
  return addSizes(files.map((file) => compressedSizes(readFileSync(join(DIST, file)))));
}

/** Each file compressed alone: the browser fetches them as separate responses. */
function bundle(label: string, files: readonly string[]): Bundle {
  return { label, files: [...files], sizes: sizesOf(files) };
}

function check(target: string, limit: number, measured: Bundle | undefined): TargetCheck {
  return measured
    ? { target: `${target} ≤ ${kb(limit)} gzip`, measured: `${kb(measured.sizes.gzip)} gzip`, met: measured.sizes.gzip <= limit }
    : { target: `${target} ≤ ${kb(limit)} gzip`, measured: 'not measured', met: null };
}

/**
 * Until all four widget kinds exist, the figure is shown but the target cannot be judged. The
 * target is judged on what one visitor of a page showing all four widgets downloads, in the
 * language whose strings weigh most; "everything shipped" (every language's chunks, which no
 * visitor downloads together) is judged too, as the stricter reading.
 */
function allWidgetsChecks(heaviestPage: Bundle | undefined, everything: Bundle, kinds: number): TargetCheck[] {
  const results = [
    check('all four widgets together (one visitor, heaviest language)', TARGETS.allWidgets, heaviestPage),
    check('all four widgets together (stricter: everything shipped, all languages)', TARGETS.allWidgets, everything),
  ];
  return kinds >= 4 ? results : results.map((r) => ({ ...r, measured: `${r.measured} with ${kinds} of 4 widget kinds built`, met: null }));
}

function rowsFor(files: readonly DistFile[], bundles: readonly Bundle[]): string[][] {
  const fileRows = files.map((f) => {
    const s = sizesOf([f.path]);
    return [f.path, f.kind ? `${f.role} (${f.kind})` : f.role, String(s.raw), String(s.gzip), String(s.brotli)];
  });
  const bundleRows = bundles.map((b) => [
    b.label,
    b.files.map(shortName).join(' + '),
    String(b.sizes.raw),
    String(b.sizes.gzip),
    String(b.sizes.brotli),
  ]);
  return [...fileRows, ...bundleRows];
}

export async function runSize(): Promise<BenchReport> {
  if (!existsSync(join(DIST, 'hearth.js'))) {
    const reason = 'packages/widget/dist not built (run pnpm build)';
    return {
      name: 'size',
      tables: [{ title: 'Size', columns: ['file', 'result'], rows: [['all', `not measured: ${reason}`]] }],
      checks: Object.keys(TARGETS).map((target) => ({ target, measured: reason, met: null })),
      data: { reason },
    };
  }
  const files = listDistFiles(DIST);
  const byRole = (role: DistFile['role']) => files.filter((f) => f.role === role).map((f) => f.path);
  const { snippet, core, plumbing } = pageFiles(DIST, files);
  // The same files `pnpm size` budgets as "page showing one checklist".
  const checklistPage = pageWithChecklist(DIST, files);
  const pageWithChecklistBundle = checklistPage ? bundle('page showing one checklist', checklistPage) : undefined;
  const everything = bundle('all widgets (everything shipped)', [...new Set([...snippet, ...core, ...files.map((f) => f.path)])]);
  // What one visitor of a page showing all four widgets downloads: in English, and in the language
  // whose strings weigh most. Shown beside the target's "everything shipped", which counts every language.
  const allWidgetsPage = [...new Set([...snippet, ...core, ...plumbing, ...staticClosure(DIST, byRole('widget'))])];
  const localeOf = (path: string) => /i18n-([a-z]+)-/.exec(path)?.[1] ?? '';
  const heaviestLocale = [...new Set(byRole('locale').map(localeOf))]
    .map((locale) =>
      bundle(`page showing all four widgets (${locale})`, [...allWidgetsPage, ...byRole('locale').filter((f) => localeOf(f) === locale)]),
    )
    .sort((a, b) => b.sizes.gzip - a.sizes.gzip)[0];
  const pages = [bundle('page showing all four widgets (en)', allWidgetsPage), ...(heaviestLocale ? [heaviestLocale] : [])];
  const bundles = [
    bundle('core + its static imports', core),
    ...(pageWithChecklistBundle ? [pageWithChecklistBundle] : []),
    ...pages,
    everything,
  ];
  const notes = [
    'bytes; each file compressed on its own (gzip -9, brotli q11), as each is a separate response',
    '"page showing one checklist": snippet, core, the chunks the core loads before any widget, the runtime, the checklist chunk and their static imports; English visitor (no locale chunk)',
    '"page showing all four widgets": the same with every widget chunk, for an English visitor and for the language whose chunks weigh most',
    checklistPage ? '' : 'no checklist chunk found in dist/chunks: "page showing one checklist" not measured',
    `widget kinds present: ${[...new Set(files.filter((f) => f.kind).map((f) => f.kind))].join(', ') || 'none'}`,
  ].filter(Boolean);
  return {
    name: 'size',
    tables: [
      {
        title: 'Size (packages/widget/dist)',
        columns: ['file / bundle', 'role / contents', 'raw', 'gzip', 'brotli'],
        rows: rowsFor(files, bundles),
        notes,
      },
    ],
    checks: [
      check('snippet', TARGETS.snippet, snippet.length ? bundle('snippet', snippet) : undefined),
      check('core (hearth.js + what it imports statically)', TARGETS.core, bundles[0]),
      check('page showing one checklist', TARGETS.pageWithChecklist, pageWithChecklistBundle),
      ...allWidgetsChecks(heaviestLocale, everything, new Set(files.map((f) => f.kind).filter(Boolean)).size),
    ],
    data: { targetsGzipBytes: TARGETS, files: files.map((f) => ({ ...f, ...sizesOf([f.path]) })), bundles },
  };
}

runIfMain(import.meta.url, 'npx tsx bench/size.ts', runSize);
