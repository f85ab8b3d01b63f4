import type { SqlRunner } from '../sql/runner.js';
import type { AuditStore, StoredAuditRecord } from './audit-store.js';

interface AuditRow {
  id: number | string;
  project_id: string | null;
  at: number | Date;
  actor: string;
  action: string;
  target: string | null;
  target_version: number | null;
}

/** `store.audit` over either dialect. */
export function sqlAuditStore(sql: SqlRunner): AuditStore {
  return {
    append: async (entry) => {
      await sql.run('INSERT INTO audit_log (project_id, at, actor, action, target, target_version) VALUES ($1, $2, $3, $4, $5, $6)', [
        entry.projectId,
        sql.time(entry.at),
        entry.actor,
        entry.action,
        entry.target,
        entry.targetVersion,
      ]);
    },
    list: async (projectId, query) => {
      const params: unknown[] = [projectId, query.limit];
      const where = ['(project_id = $1 OR project_id IS NULL)'];
      const add = (clause: string, value: unknown) => {
        params.push(value);
        where.push(clause.replace('?', `$${params.length}`));
      };
      if (query.from !== undefined) add('at >= ?', sql.time(query.from));
      if (query.to !== undefined) add('at < ?', sql.time(query.to));
      if (query.before !== undefined) add('id < ?', Number(query.before));
      const rows = await sql.all<AuditRow>(
        `SELECT id, project_id, at, actor, action, target, target_version FROM audit_log
         WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT $2`,
        params,
      );
      return rows.map((row): StoredAuditRecord => ({
        id: String(row.id),
        projectId: row.project_id,
        at: new Date(row.at).getTime(),
        actor: row.actor,
        action: row.action,
        target: row.target,
        targetVersion: row.target_version,
      }));
    },
    versionActors: async (projectId, target) => {
      const rows = await sql.all<{ target_version: number; actor: string }>(
        `SELECT target_version, actor FROM audit_log
         WHERE project_id = $1 AND target = $2 AND target_version IS NOT NULL ORDER BY id`,
        [projectId, target],
      );
      return new Map(rows.map((row) => [Number(row.target_version), row.actor]));
    },
    purge: async (before, limit) =>
      sql.run('DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < $1 ORDER BY id LIMIT $2)', [sql.time(before), limit]),
  };
}
