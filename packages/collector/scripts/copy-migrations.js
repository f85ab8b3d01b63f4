// The migrations are .sql files read at run time beside storage/migrations/migrate.js: tsc emits
// only the JavaScript, so the build copies them into dist/.
import { cpSync, statSync } from 'node:fs';
import { URL } from 'node:url';

for (const dialect of ['sqlite', 'postgres']) {
  cpSync(
    new URL(`../src/storage/migrations/${dialect}/`, import.meta.url),
    new URL(`../dist/storage/migrations/${dialect}/`, import.meta.url),
    // Judge the entry, not its path: a checkout under a folder with a dot in its name is common.
    { recursive: true, filter: (source) => source.endsWith('.sql') || statSync(source).isDirectory() },
  );
}
