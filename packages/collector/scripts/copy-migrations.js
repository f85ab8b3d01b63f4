// The migrations are .sql files read at run time beside storage/migrations/migrate.js: tsc emits
// only the JavaScript, so the build copies them into dist/.
import { cpSync } from 'node:fs';
import { URL } from 'node:url';

for (const dialect of ['sqlite', 'postgres']) {
  cpSync(
    new URL(`../src/storage/migrations/${dialect}/`, import.meta.url),
    new URL(`../dist/storage/migrations/${dialect}/`, import.meta.url),
    {
      recursive: true,
      filter: (source) => !source.includes('.') || source.endsWith('.sql'),
    },
  );
}
