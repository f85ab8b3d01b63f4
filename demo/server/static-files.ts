import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

export type StaticFile = { body: Buffer; contentType: string };

/**
 * Reads a file below `root` for a URL path, or undefined when there is none.
 * Normalising and re-checking the prefix keeps `/../` paths inside `root`.
 */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile | undefined> {
  const filePath = normalize(join(root, decodeURIComponent(pathname)));
  if (!filePath.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  const contentType = CONTENT_TYPES[extname(filePath)];
  if (!contentType) return undefined;
  try {
    return { body: await readFile(filePath), contentType };
  } catch {
    return undefined;
  }
}

/** Client-side routes (`/projects`, `/reports/…`) have no extension; they all get the app shell. */
export function isAppRoute(pathname: string): boolean {
  return extname(pathname) === '' && !pathname.startsWith('/api/');
}
