import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';

export type FileRole = 'snippet' | 'core' | 'runtime' | 'widget' | 'locale' | 'shared';

export interface DistFile {
  /** Path relative to dist/, e.g. `chunks/checklist-abc123.js`. */
  path: string;
  role: FileRole;
  /** Widget kind for widget chunks (`checklist`, …). */
  kind?: string;
}

/** The widget kinds the size targets budget; a chunk is a widget chunk when its name starts with one. */
export const WIDGET_KINDS = ['checklist', 'nps', 'survey', 'announcement', 'rewards'] as const;

function classify(path: string): DistFile {
  if (path === 'snippet.min.js') return { path, role: 'snippet' };
  if (path === 'hearth.js') return { path, role: 'core' };
  const name = basename(path, '.js');
  if (name.startsWith('runtime')) return { path, role: 'runtime' };
  const kind = [...WIDGET_KINDS].sort((a, b) => b.length - a.length).find((k) => name.startsWith(k));
  // Strings of one non-default language (the runtime's `i18n-ar`, a widget's `rewards-i18n-ar`),
  // loaded only for visitors using it.
  if (name.startsWith('i18n-') || name.includes('-i18n-')) return { path, role: 'locale', ...(kind ? { kind } : {}) };
  return kind ? { path, role: 'widget', kind } : { path, role: 'shared' };
}

/** What the script-tag install ships: the snippet, the core, and the lazy chunks under chunks/. */
export function listDistFiles(distDir: string): DistFile[] {
  const top = ['snippet.min.js', 'hearth.js'].filter((file) => existsSync(join(distDir, file)));
  const chunksDir = join(distDir, 'chunks');
  const chunks = existsSync(chunksDir)
    ? readdirSync(chunksDir)
        .filter((file) => file.endsWith('.js'))
        .sort()
        .map((file) => `chunks/${file}`)
    : [];
  return [...top, ...chunks].map(classify);
}

/** `chunks/checklist-Buoj137J.js` → `checklist`: the chunk's name without the content hash. */
export function shortName(path: string): string {
  return basename(path, '.js')
    .replace(/-[\w-]{8}$/, '')
    .replace(/\.min$/, '');
}

// Static imports (`import{a}from"./x.js"`, `import"./x.js"`) run before the importer;
// `import("./x.js")` is lazy.
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

function importsOf(distDir: string, path: string, pattern: RegExp): string[] {
  const source = readFileSync(join(distDir, path), 'utf8');
  return [...source.matchAll(pattern)].map((match) => posix.normalize(posix.join(dirname(path), match[1]!)));
}

/** Files `path` loads lazily with `import()`. */
export function dynamicImports(distDir: string, path: string): string[] {
  return importsOf(distDir, path, DYNAMIC_IMPORT);
}

/**
 * `entries` plus every file they import statically, transitively: what the browser must
 * download before those entries run.
 */
export function staticClosure(distDir: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    importsOf(distDir, path, STATIC_IMPORT).forEach(visit);
  };
  entries.forEach(visit);
  return [...seen];
}

/** What a page downloads before its widgets show: the pieces `pnpm size` and `pnpm bench` both sum. */
export interface PageFiles {
  snippet: string[];
  /** `hearth.js` and what it imports statically. */
  core: string[];
  /**
   * UI plumbing the core loads lazily before any widget (the prompt controller, the commands it
   * hands over), the runtime, and their static imports: needed to show any widget, unlike other
   * widget kinds and other languages' strings.
   */
  plumbing: string[];
}

export function pageFiles(distDir: string, files: readonly DistFile[]): PageFiles {
  const roleOf = new Map(files.map((f) => [f.path, f.role]));
  const byRole = (role: FileRole) => files.filter((f) => f.role === role).map((f) => f.path);
  const core = staticClosure(distDir, byRole('core'));
  const lazy = core
    .flatMap((file) => dynamicImports(distDir, file))
    .filter((file) => ['shared', 'runtime'].includes(roleOf.get(file) ?? ''));
  return { snippet: byRole('snippet'), core, plumbing: staticClosure(distDir, [...lazy, ...byRole('runtime')]) };
}

/**
 * "The page showing one checklist", one definition for the size gate's budget and the bench's
 * target: the snippet, the core, the UI plumbing and the checklist chunk with its static imports,
 * for an English visitor (no language chunk). Undefined when no checklist chunk was built.
 */
export function pageWithChecklist(distDir: string, files: readonly DistFile[]): string[] | undefined {
  const checklist = files.find((f) => f.kind === 'checklist' && f.role === 'widget');
  if (!checklist) return undefined;
  const { snippet, core, plumbing } = pageFiles(distDir, files);
  return [...new Set([...snippet, ...core, ...plumbing, ...staticClosure(distDir, [checklist.path])])];
}
