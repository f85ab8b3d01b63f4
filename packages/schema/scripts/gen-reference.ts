/**
 * Writes docs/reference/wire-format.md from the zod schemas, so the reference cannot drift from the
 * code. Run: `npx tsx packages/schema/scripts/gen-reference.ts` (checked by src/reference.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { renderReference } from './reference/render.js';

const target = fileURLToPath(new URL('../../../docs/reference/wire-format.md', import.meta.url));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderReference());
console.log(`wrote ${target}`);
