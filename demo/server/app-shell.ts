import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where index.html wants the snippet: the spot in <head> a customer would paste it. */
const SNIPPET_MARKER = '<!-- hearth-snippet -->';
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

/** The install code exactly as the docs tell a customer to paste it: the stub, then `init`. */
export function hearthInstallHtml({ snippet, coreUrl, projectKey }: ShellOptions): string {
  return [
    '<script>',
    // The placeholder sits inside a JS string literal: insert the URL escaped for one.
    snippet.replaceAll(CORE_URL_PLACEHOLDER, JSON.stringify(coreUrl).slice(1, -1)),
    `Hearth('init', ${scriptJson({ projectKey })});`,
    '</script>',
  ].join('\n');
}

export async function renderAppShell(publicDir: string, options: ShellOptions): Promise<string> {
  const html = await readFile(join(publicDir, 'index.html'), 'utf8');
  if (!html.includes(SNIPPET_MARKER)) throw new Error(`index.html lacks the ${SNIPPET_MARKER} marker`);
  return html.replace(SNIPPET_MARKER, hearthInstallHtml(options));
}
