import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { newEvent } from '../../test-support/events.js';
import { retentionSql, scanParams } from '../kpi/retention-sql.js';
import { numbered } from '../sql/dialect.js';
import { positional } from '../sql/sqlite-runner.js';
import { openSqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-retention-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOUR = 3_600_000;
const BASE = Date.parse('2026-05-04T00:00:00.000Z');

/** The steps of `statement`'s plan that read `events`, with `params` bound as the KPI reader binds them. */
function eventSteps(db: Database.Database, statement: string, params: Record<string, unknown>): string[] {
  const { text: sql, names } = numbered(statement);
  const { text, order } = positional(sql);
  const values = names.map((name) => (typeof params[name] === 'number' ? BigInt(params[name]) : params[name]));
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${text}`)
    .all(...order.map((i) => values[i]))
    .map((row) => row.detail)
    .filter((step) => / e\b/.test(step));
}

describe('retention KPIs on SQLite, windows shorter than a day', () => {
  it("probe a visitor's events by its anonymous id, not every event of the window", async () => {
    // Two-thirds visitors' events over ten days, then the statistics the store keeps (ANALYZE at open).
    const file = join(dir, 'plan.sqlite');
    const store = openSqliteStore(file);
    await store.writeEvents(
      Array.from({ length: 3_000 }, (_, i) => {
        const at = BASE + Math.floor((i / 3_000) * 10 * DAY_MS);
        return newEvent({
          projectId: 'p',
          anonymousId: `v${i % 150}`,
          userId: i % 3 === 0 ? `u${i % 40}` : null,
          name: `n${i % 7}`,
          timestamp: at,
          receivedAt: at,
        });
      }),
    );
    await store.kpi.refreshRollups();
    await store.close();
    const db = new Database(file);
    try {
      db.exec('ANALYZE');
      const query = { from: new Date(BASE + 3 * DAY_MS + 5 * HOUR), to: new Date(BASE + 6 * DAY_MS + 13 * HOUR) };
      const sql = retentionSql('sqlite', null);
      // Six hours of inactivity: both windows lie inside one UTC day, so events are probed per subject.
      const plans = [
        eventSteps(db, sql.retention, { ...scanParams('p', query, query.from.getTime() - 6 * HOUR), inactivity: 6 * HOUR }),
        eventSteps(db, sql.dropOff, { ...scanParams('p', query), firstDays: 6 * HOUR }),
      ];
      for (const plan of plans) {
        expect(plan.filter((step) => step.includes('events_by_anonymous_name_time (project_id=? AND anonymous_id=?)'))).not.toEqual([]);
        // A user's probe seeks by user id; nothing walks the window's events by time alone.
        expect(
          plan.filter(
            (step) =>
              !/events_by_(anonymous_name_time \(project_id=\? AND anonymous_id=\?|user_time \(project_id=\? AND user_id=\?)/.test(step),
          ),
        ).toEqual([]);
      }
    } finally {
      db.close();
    }
  });
});
