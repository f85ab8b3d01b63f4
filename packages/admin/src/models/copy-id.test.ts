import { describe, expect, it } from 'vitest';
import { slugSchema } from '@hearth/schema';
import { copyId } from './copy-id.js';

describe('copyId', () => {
  it('picks the first free -copy suffix, and stays a valid id when the original is at the length limit', () => {
    expect(copyId('tour', new Set(['tour']))).toBe('tour-copy');
    expect(copyId('tour', new Set(['tour', 'tour-copy', 'tour-copy-2']))).toBe('tour-copy-3');
    const long = 'a'.repeat(64);
    const copy = copyId(long, new Set([long]));
    expect(copy).toHaveLength(64);
    expect(copy.endsWith('-copy')).toBe(true);
    expect(slugSchema.safeParse(copy).success).toBe(true);
  });
});
