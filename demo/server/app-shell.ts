import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageVariant } from './page-variant.js';

/** Where index.html wants the snippet: the spot in <head> a customer would paste it. */
const SNIPPET_MARKER = '<!-- hearth-snippet -->';
/** Where index.html takes extra stylesheets (the hostile-styles variant). */
const STYLES_MARKER = '<!-- extra-styles -->';
/** The widget build leaves this in the stub for the core script's URL (see its entries/snippet.ts). */
const CORE_URL_PLACEHOLDER = '{{CORE_URL}}';

export type ShellOptions = { snippet: string; coreUrl: string; projectKey: string };

export async function loadSnippet(file: string): Promise<string> {
  let snippet: string;
  try {
    snippet = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw new Error(`Hearth snippet not found at ${file}; build the widget first (pnpm --filter @hearth/widget build)`, { cause: error });
  }
  if (!snippet.includes(CORE_URL_PLACEHOLDER)) throw new Error(`${file} lacks the ${CORE_URL_PLACEHOLDER} placeholder`);
  return snippet;
}

/** JSON inside <script> must not be able to close the tag. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

/** The body of the install `<script>` exactly as the docs tell a customer to paste it: the stub, then `init`. */
export function hearthInstallScript({ snippet, coreUrl, projectKey }: ShellOptions, locale?: string): string {
  const init = locale === undefined ? { projectKey } : { projectKey, locale };
  return [
    '',
    // The placeholder sits inside a JS string literal: insert the URL escaped for one.
    snippet.replaceAll(CORE_URL_PLACEHOLDER, JSON.stringify(coreUrl).slice(1, -1)),
    `Hearth('init', ${scriptJson(init)});`,
    '',
  ].join('\n');
}

/** The CSP source that allows exactly this inline script and nothing else inline. */
export const scriptHashSource = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

export type AppShell = { html: string; installScript: string };

/** index.html with the install script (and, for the hostile variant, the hostile stylesheet). */
export async function renderAppShell(publicDir: string, options: ShellOptions, variant: PageVariant): Promise<AppShell> {
  const html = await readFile(join(publicDir, 'index.html'), 'utf8');
  for (const marker of [SNIPPET_MARKER, STYLES_MARKER]) {
    if (!html.includes(marker)) throw new Error(`index.html lacks the ${marker} marker`);
  }
  const installScript = hearthInstallScript(options, variant.locale);
  const styles = variant.hostileStyles ? '<link rel="stylesheet" href="/hostile.css">' : '';
  return {
    html: html.replace(SNIPPET_MARKER, `<script>${installScript}</script>`).replace(STYLES_MARKER, styles),
    installScript,
  };
}
