import type { AuditEntry } from '@hearth/schema';
import type { AuditQuery, AuditRecord, AuditStore } from '../storage/audit/audit-store.js';

/** What a caller records; the time is the service's clock. */
export type AuditInput = Omit<AuditRecord, 'at' | 'target' | 'targetVersion'> & { target?: string | null; targetVersion?: number | null };

/**
 * The audit log: who did what, when. Recording never fails the change it records (the change is
 * already committed); a failure to record is logged.
 */
export class AuditLog {
  constructor(
    private readonly store: AuditStore,
    private readonly clock: () => number,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  async record(entry: AuditInput): Promise<void> {
    try {
      await this.store.append({ target: null, targetVersion: null, ...entry, at: this.clock() });
    } catch (error) {
      this.log(`hearth-collector: audit log: could not record ${entry.action}`, error);
    }
  }

  async list(projectId: string, query: AuditQuery): Promise<AuditEntry[]> {
    return (await this.store.list(projectId, query)).map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      action: row.action,
      target: row.target,
      version: row.targetVersion,
      projectId: row.projectId,
    }));
  }

  /** Who saved each version of a prompt: version → actor. */
  versionActors(projectId: string, promptId: string): Promise<Map<number, string>> {
    return this.store.versionActors(projectId, promptTarget(promptId));
  }
}

/** How prompts are named as audit targets, so a version's author can be found again. */
export const promptTarget = (promptId: string) => `prompts/${promptId}`;
