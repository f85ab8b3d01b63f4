import { describe, expect, it } from 'vitest';
import { ANNOUNCEMENT_KEY, ANNOUNCEMENT_KEY_NAMES } from '../announcements/announcement-key-sql.js';
import { loadMigrations } from './migrate.js';

/** What databases already record in hearth_migrations: a file may move, these never change. */
const RECORDED = [
  [1, 'events, users, identities'],
  [2, 'prompts'],
  [3, 'targeting facts'],
  [4, 'survey-responses'],
  [5, 'announcements'],
  [6, 'rewards'],
  [7, 'prompt-versions'],
  [8, 'project-settings'],
  [9, 'kpi-rollups'],
  [10, 'announcement-events-index'],
  [11, 'anonymous-responses'],
  [12, 'trusted-traits'],
  [13, 'jobs'],
  [14, 'team-access'],
  [15, 'lifecycle-email'],
  [16, 'accounts'],
  [17, 'revenue'],
  [19, 'event-retention'],
  [20, 'email-plan-cursor'],
  [21, 'single-sign-on'],
  [23, 'account-reads'],
  [24, 'account-rollup'],
  [25, 'checklist-rollup'],
  [26, 'kpi-activity-subjects'],
  [27, 'anonymous-events-index'],
  [28, 'kpi-subject-kind-statistics'],
  [29, 'checklist-assignments'],
  [31, 'kpi-activity-blocks'],
  [34, 'account-vocabulary'],
  [35, 'holdout-buckets'],
] as const;

describe('migrations', () => {
  it.each(['sqlite', 'postgres'] as const)(
    '%s: loads the .sql files in version order, with the versions and names existing databases record',
    (dialect) => {
      const migrations = loadMigrations(dialect);
      const versions = migrations.map((m) => m.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      // Numbers are handed out ahead of time, so the files may have gaps; every recorded one is there.
      const recorded = new Set<number>(RECORDED.map(([version]) => version));
      expect(migrations.filter((m) => recorded.has(m.version)).map((m) => [m.version, m.name])).toEqual(RECORDED);
      for (const m of migrations) expect(m.sql).toMatch(/CREATE|ALTER|INSERT/);
    },
  );

  it.each(['sqlite', 'postgres'] as const)(
    '%s: indexes the announcement key exactly as the queries spell it (else they miss the index)',
    (dialect) => {
      const index = loadMigrations(dialect).find((m) => m.version === 10)!.sql;
      expect(index).toContain(ANNOUNCEMENT_KEY[dialect]);
      expect(index).toContain(ANNOUNCEMENT_KEY_NAMES);
    },
  );

  it('has the same versions for both dialects', () => {
    expect(loadMigrations('sqlite').map((m) => m.version)).toEqual(loadMigrations('postgres').map((m) => m.version));
  });
});
