import type { Sizes } from '../../packages/widget/scripts/measure-size.js';

export { compressedSizes, type Sizes } from '../../packages/widget/scripts/measure-size.js';

export function addSizes(list: readonly Sizes[]): Sizes {
  return list.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}
