import { readJson } from '../sql/dialect.js';

/** A job as enqueued: `key` is its identity, so enqueueing the same key again adds nothing. */
export interface NewJob {
  /** Which handler runs it, e.g. `webhook.survey-response`, `email.send`. */
  kind: string;
  /** Unique across kinds while the row is kept (include the kind in it). */
  key: string;
  /** A JSON object for the handler; no secrets (rows are readable by whoever reads the database). */
  payload: JobPayload;
  /** Epoch ms: not run before. */
  runAt: number;
  /** Claims allowed before it is given up (a crash during a run counts as one). */
  maxAttempts: number;
}

export type JobPayload = Record<string, unknown>;

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface StoredJob {
  id: number;
  kind: string;
  key: string;
  payload: JobPayload;
  status: JobStatus;
  /** Epoch ms: when a pending job is due (its next attempt after a failure). */
  runAt: number;
  /** Claims so far, this one included while running. */
  attempts: number;
  maxAttempts: number;
  claimedBy: string | null;
  /** Epoch ms: a running job whose lease ended is claimed again (its claimant is presumed dead). */
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Whose claim a completion or failure answers: a job reclaimed since (lease ended) ignores it. */
export interface JobClaim {
  id: number;
  claimedBy: string;
  attempts: number;
}

/**
 * `store.jobs`: the durable queue every collector on the database shares. A claim is exclusive
 * (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one write transaction at a time) and lasts until
 * `leaseUntil`; the claimant then completes it, retries it later or fails it for good. A claimant
 * that dies leaves its jobs running until their lease ends; the next claim takes them again.
 */
export interface JobStore {
  /** Adds the job unless its key exists (in any status); true when added. */
  enqueue(job: NewJob, at: number): Promise<boolean>;
  /**
   * `enqueue`, except that a failed job with the key starts over: pending at `runAt` with no
   * attempts yet and `job`'s kind, payload and allowed attempts (its last error kept until the
   * next). For work a later request should have tried again once earlier attempts gave up.
   * 'added', 'restarted', or null when the key's job is pending, running or done.
   */
  enqueueOrRestart(job: NewJob, at: number): Promise<'added' | 'restarted' | null>;
  /**
   * Claims up to `limit` due jobs of `kinds` (pending and due, or running with an ended lease),
   * oldest due first, for `claimedBy` until `now + leaseMs`; each claim adds one attempt. A running
   * job whose lease ended after its last allowed attempt is failed instead.
   */
  claim(claimedBy: string, kinds: readonly string[], limit: number, now: number, leaseMs: number): Promise<StoredJob[]>;
  /** Marks a claimed job done; false when the claim is no longer current. */
  complete(claim: JobClaim, at: number): Promise<boolean>;
  /**
   * A temporary failure: pending again at `runAt`, or failed when that was its last attempt.
   * The status it is left in; null when the claim is no longer current.
   */
  retryLater(claim: JobClaim, runAt: number, error: string, at: number): Promise<'pending' | 'failed' | null>;
  /** A permanent failure: given up at once; false when the claim is no longer current. */
  fail(claim: JobClaim, error: string, at: number): Promise<boolean>;
  get(key: string): Promise<StoredJob | null>;
  /** Pending jobs already due at `now`, and since when the oldest has been due (health). */
  backlog(now: number): Promise<{ due: number; oldestDueAt: number | null }>;
  /** Deletes up to `limit` done or failed jobs last changed before `before`; how many. */
  purge(before: number, limit: number): Promise<number>;
}

type Time = number | Date;

/** A `jobs` row as either driver returns it (SQLite: ms and JSON text; PostgreSQL: Date, jsonb, bigint as text). */
export interface JobRow {
  id: number | string;
  kind: string;
  key: string;
  payload: unknown;
  status: JobStatus;
  run_at: Time;
  attempts: number;
  max_attempts: number;
  claimed_by: string | null;
  lease_until: Time | null;
  last_error: string | null;
  created_at: Time;
  updated_at: Time;
}

export const JOB_COLUMNS =
  'id, kind, key, payload, status, run_at, attempts, max_attempts, claimed_by, lease_until, last_error, created_at, updated_at';

const ms = (value: Time) => (typeof value === 'number' ? value : Number(value instanceof Date ? value.getTime() : value));

export function toStoredJob(row: JobRow): StoredJob {
  return {
    id: Number(row.id),
    kind: row.kind,
    key: row.key,
    payload: readJson<JobPayload>(row.payload as string | JobPayload),
    status: row.status,
    runAt: ms(row.run_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    claimedBy: row.claimed_by,
    leaseUntil: row.lease_until === null ? null : ms(row.lease_until),
    lastError: row.last_error,
    createdAt: ms(row.created_at),
    updatedAt: ms(row.updated_at),
  };
}
