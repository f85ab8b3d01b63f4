import { describe, expect, it } from 'vitest';
import { safeUrl } from './safe-url.js';

describe('safeUrl', () => {
  const base = 'https://app.example.com/projects/1';

  it('resolves relative paths and keeps http(s) URLs', () => {
    expect(safeUrl('/settings', base)).toBe('https://app.example.com/settings');
    expect(safeUrl('http://docs.example.com/a?b=1', base)).toBe('http://docs.example.com/a?b=1');
  });

  it('refuses script, data and unparsable URLs', () => {
    expect(safeUrl('javascript:alert(1)', base)).toBeUndefined();
    expect(safeUrl(' JavaScript:alert(1)', base)).toBeUndefined();
    expect(safeUrl('data:text/html,<script>', base)).toBeUndefined();
    expect(safeUrl('http://[bad', base)).toBeUndefined();
  });
});
