/** One schema change, applied once, in `version` order, recorded in `hearth_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Migrations not yet applied, in order; refuses a database newer than this code. */
export function pendingMigrations(all: readonly Migration[], applied: ReadonlySet<number>): Migration[] {
  const newest = Math.max(0, ...all.map((m) => m.version));
  const unknown = [...applied].filter((version) => version > newest);
  if (unknown.length > 0) {
    throw new Error(`The database has migration ${Math.max(...unknown)}, newer than this collector knows (${newest}); upgrade the collector.`);
  }
  return [...all].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
}
