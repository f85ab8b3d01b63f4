import type { Prompt } from '@hearth/schema';
import type { HoldoutArm } from '../../domain/checklist/holdout-arm.js';

/** Who wrote a prompt last: the config file (seeding) or the admin API. */
export type PromptOrigin = 'config' | 'api';

export interface PromptRecord {
  prompt: Prompt;
  /** 1 on creation, +1 on every change. */
  version: number;
  origin: PromptOrigin;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

/** One saved version of a prompt (`store.prompts.versions`), kept for history and rollback. */
export interface PromptVersion {
  version: number;
  prompt: Prompt;
  origin: PromptOrigin;
  /** ISO 8601. */
  savedAt: string;
}

export interface SeedResult {
  inserted: string[];
  /** Prompts only the config file ever wrote, whose configuration changed in the file. */
  updated: string[];
}

/** `store.prompts`: prompt configuration per project. Every method validates nothing: callers pass parsed prompts. */
export interface PromptStore {
  /** Every prompt of the project, by id. */
  list(projectId: string): Promise<PromptRecord[]>;
  get(projectId: string, promptId: string): Promise<PromptRecord | null>;
  /** Inserts version 1 (origin `api`); null when the id is taken. */
  create(projectId: string, prompt: Prompt, at: number): Promise<PromptRecord | null>;
  /**
   * Stores `prompt` as the next version (origin `api`) if the stored version is still
   * `expectedVersion`; null when it is missing or changed meanwhile (optimistic concurrency).
   */
  replace(projectId: string, prompt: Prompt, expectedVersion: number, at: number): Promise<PromptRecord | null>;
  /**
   * Config-file seeding, idempotent: inserts absent prompts (origin `config`), refreshes a prompt
   * whose stored origin is still `config` when its configuration differs, and never touches a
   * prompt the admin API wrote.
   */
  seed(projectId: string, prompts: readonly Prompt[], at: number): Promise<SeedResult>;
  /** The prompt's saved versions, newest first, at most `limit` (default 100); empty when unknown. */
  versions(projectId: string, promptId: string, limit?: number): Promise<PromptVersion[]>;
  /** One saved version, or null. */
  version(projectId: string, promptId: string, version: number): Promise<PromptVersion | null>;
  /** The identified user's recorded checklist holdout groups, by checklist id. */
  assignments(projectId: string, userId: string): Promise<Map<string, HoldoutArm>>;
  /** Records each checklist's group for the user at `at` (epoch ms, the server's), unless one is recorded already. */
  assign(projectId: string, userId: string, arms: ReadonlyMap<string, HoldoutArm>, at: number): Promise<void>;
}
