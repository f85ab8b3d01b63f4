import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * Bytes on the wire with the strongest standard settings a CDN or the collector would use.
 * Shared by `pnpm size` (budgets) and `pnpm bench` (reports), so both print the same figures.
 */
export function compressedSizes(content: Buffer): Sizes {
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}
