// The admin console is a private workspace package: the collector ships its built files in
// dist/admin, where server.ts looks first.
import { cpSync, existsSync } from 'node:fs';
import { URL } from 'node:url';

const from = new URL('../../admin/dist/', import.meta.url);
if (!existsSync(from)) throw new Error('copy-admin-console: packages/admin/dist is missing; build @hearth/admin first');
cpSync(from, new URL('../dist/admin/', import.meta.url), { recursive: true });
