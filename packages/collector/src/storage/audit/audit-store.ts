/** One line of the audit log as stored. */
export interface AuditRecord {
  /** Null for collector-wide entries (sign-ins), which every project's log shows. */
  projectId: string | null;
  /** Epoch ms. */
  at: number;
  actor: string;
  action: string;
  target: string | null;
  targetVersion: number | null;
}

export interface StoredAuditRecord extends AuditRecord {
  id: string;
}

export interface AuditQuery {
  /** Entries at or after this time (epoch ms). */
  from?: number;
  /** Entries before this time (epoch ms). */
  to?: number;
  /** Only entries older than this id (paging backwards). */
  before?: string;
  limit: number;
}

/** `store.audit`: an append-only log of who did what. */
export interface AuditStore {
  append(entry: AuditRecord): Promise<void>;
  /** The project's entries and the collector-wide ones, newest first. */
  list(projectId: string, query: AuditQuery): Promise<StoredAuditRecord[]>;
  /** Who made each version of the target (a prompt id): version → actor, from entries that name a version. */
  versionActors(projectId: string, target: string): Promise<Map<number, string>>;
  /** Deletes up to `limit` of the oldest entries made before `before` (epoch ms); how many. */
  purge(before: number, limit: number): Promise<number>;
}
