import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strictCsp } from './csp.js';

const doc = readFileSync(new URL('../../docs/theming-and-csp.md', import.meta.url), 'utf8');
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? '';

describe('the strict CSP the docs recommend and the demo serves', () => {
  const example = /```http\n(Content-Security-Policy:[\s\S]*?)```/.exec(doc)?.[1]?.replace(/\s+/g, ' ') ?? '';

  it('allows no data: images (Hearth draws its icons as inline SVG)', () => {
    expect(example).toContain('img-src');
    expect(directive(example, 'img-src')).not.toContain('data:');
    expect(directive(strictCsp({ collectorOrigin: 'https://hearth.example', inlineScriptHash: "'sha256-x'" }), 'img-src')).toBe(
      "img-src 'self'",
    );
  });

  it('says that announcement images need their host in img-src', () => {
    expect(doc).toMatch(/Announcement images[\s\S]{0,200}img-src/);
    expect(directive(example, 'img-src')).toMatch(/https:\/\/cdn\./);
  });
});
