/// <reference types="node" />
// This package's tsconfig has no ambient types (its code runs in browsers too); this test reads a file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as schemaModule from './index.js';

// The generator is a script outside `src`; loading it by URL keeps it out of this package's
// TypeScript program (whose rootDir is `src`) while the test still runs the real code.
const generatorUrl = new URL('../scripts/reference/render.ts', import.meta.url).href;
const committedUrl = new URL('../../../docs/reference/wire-format.md', import.meta.url);

async function render(): Promise<string> {
  const generator = (await import(/* @vite-ignore */ generatorUrl)) as { renderReference: () => string };
  return generator.renderReference();
}

describe('docs/reference/wire-format.md', () => {
  it('matches what the schemas generate now', async () => {
    const committed = readFileSync(committedUrl, 'utf8');
    expect(
      committed,
      'docs/reference/wire-format.md is out of date with packages/schema/src. Regenerate it with ' +
        '`npx tsx packages/schema/scripts/gen-reference.ts` (or `pnpm docs:reference`) and commit the result.',
    ).toBe(await render());
  });

  it('documents every exported schema', async () => {
    const page = await render();
    const exported = Object.entries(schemaModule).filter(([, value]) => value instanceof z.ZodType);
    expect(exported.length).toBeGreaterThan(0);
    for (const [name] of exported) expect(page, `no section for ${name}`).toContain(`Schema: \`${name}\``);
  });
});
