import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';

/**
 * A script that reads one KPI from the SQLite file in argv[2] and closes the store, with nothing
 * else keeping Node alive: each line it prints proves the await before it settled.
 */
const store = openSqliteStore(process.argv[2]!);
const { rows } = await store.kpi.checklistRows('acme', { promptId: 'onboarding', items: [], to: new Date() });
console.log(`rows ${rows.length}`);
await store.close();
console.log('closed');
