import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type AssetEncoding = 'br' | 'gzip' | 'identity';

interface Encoded {
  identity: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer>;
}

/**
 * The best encoding the client accepts: brotli, then gzip, then none. `q=0` refuses one; a
 * missing header means identity (RFC 9110 §12.5.3 allows anything, but some proxies break).
 */
export function negotiateEncoding(acceptEncoding: string | undefined): AssetEncoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Each file compressed once (maximum levels: the work is paid once, the bytes on every page
 * load), on first request, and kept while its size and mtime stay the same (a rebuilt `dist`
 * is picked up). Concurrent first requests share the one compression.
 */
export class EncodedAssets {
  readonly #cache = new Map<string, { version: string; encoded: Promise<Encoded> }>();

  get(file: string, version: string): Promise<Encoded> {
    const cached = this.#cache.get(file);
    if (cached?.version === version) return cached.encoded;
    const encoded = encode(file);
    this.#cache.set(file, { version, encoded });
    // A failed encoding is not kept; its error reaches the caller through `encoded`.
    encoded.catch(() => this.#cache.delete(file));
    return encoded;
  }
}

async function encode(file: string): Promise<Encoded> {
  const identity = new Uint8Array(await readFile(file));
  const [gz, br] = await Promise.all([
    gzipAsync(identity, { level: constants.Z_BEST_COMPRESSION }),
    brotliAsync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength },
    }),
  ]);
  return { identity, gzip: new Uint8Array(gz), br: new Uint8Array(br) };
}
