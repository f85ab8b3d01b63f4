import type { EmailMessage, EmailMessageRecord, JsonValue } from '@hearth/schema';

export type SendStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'holdout';

/** A send to create: once per (project, message, user, period), whatever happens twice. */
export interface NewSend {
  projectId: string;
  sendId: string;
  messageId: string;
  userId: string;
  /** What makes the send unique in time: the absence's start, `once`, the survey cycle. */
  period: string;
  kind: EmailMessage['kind'];
  /** What the in-app fatigue budget and frequency count it as (the survey id for NPS). */
  campaign: string;
  category: string;
  status: 'queued' | 'holdout';
  /** Decided when planned, so the mail lists exactly what the plan saw (e.g. the digest's announcements). */
  payload: Record<string, JsonValue>;
  notBefore: number;
  createdAt: number;
}

export interface SendRecord extends Omit<NewSend, 'status'> {
  status: SendStatus;
  attempts: number;
  sentAt: number | null;
  toAddress: string | null;
  smtpMessageId: string | null;
  error: string | null;
  bouncedAt: number | null;
  clickedAt: number | null;
  unsubscribedAt: number | null;
}

/** One send's KPI facts: whether the user was active within 7 days after it (or after its holdout mark). */
export interface SendKpiRow {
  status: SendStatus;
  attempts: number;
  bounced: boolean;
  clicked: boolean;
  unsubscribed: boolean;
  reactivated: boolean;
}

/** `store.email`: messages, the durable send queue and suppressions (docs/email.md). */
export interface EmailStore {
  listMessages(projectId: string): Promise<EmailMessageRecord[]>;
  getMessage(projectId: string, id: string): Promise<EmailMessageRecord | null>;
  /** `expectedVersion` 0 creates (null when the id is taken); otherwise compare-and-set (null when changed meanwhile). */
  saveMessage(projectId: string, message: EmailMessage, expectedVersion: number, at: number): Promise<EmailMessageRecord | null>;
  removeMessage(projectId: string, id: string): Promise<boolean>;
  /** Inserts the sends whose unique key is new; answers how many were. */
  enqueue(sends: readonly NewSend[]): Promise<number>;
  /**
   * Claims up to `limit` due sends for `leaseMs`: queued ones whose `notBefore` passed, and sending
   * ones whose lease ran out (their sender died before it knew the SMTP answer).
   */
  claim(projectId: string, now: number, leaseMs: number, limit: number): Promise<SendRecord[]>;
  markSent(projectId: string, sendId: string, at: number, to: string, smtpMessageId: string): Promise<void>;
  /** Back to the queue at `notBefore`; `countAttempt` false for a deferral (quiet hours, caps) that tried nothing. */
  requeue(projectId: string, sendId: string, notBefore: number, error: string | null, countAttempt: boolean): Promise<void>;
  /** Given up: a permanent SMTP refusal (`bounced`), no address, no consent any more… */
  markFailed(projectId: string, sendId: string, at: number, error: string, bounced: boolean): Promise<void>;
  getSend(projectId: string, sendId: string): Promise<SendRecord | null>;
  /** Sends accepted by the relay since `from` (the daily cap). */
  sentSince(projectId: string, from: number): Promise<number>;
  /** The first click is kept. */
  recordClick(projectId: string, sendId: string, at: number): Promise<void>;
  /** Stops `category` (or `*`: everything) for the user; marks `sendId` as the one unsubscribed from. */
  suppress(projectId: string, userId: string, category: string, reason: string, at: number, sendId?: string): Promise<void>;
  suppressions(projectId: string, userId: string): Promise<string[]>;
  /** Users of the project whose sends went to `address` (a bounce notice names the address). */
  usersByAddress(projectId: string, address: string): Promise<string[]>;
  /** Marks the send with this Message-ID (or the latest send to the address) bounced. */
  markBounced(projectId: string, address: string, smtpMessageId: string | null, at: number): Promise<void>;
  /** Newest first. */
  history(projectId: string, messageId: string | null, limit: number): Promise<SendRecord[]>;
  kpiRows(projectId: string, messageId: string): Promise<SendKpiRow[]>;
  /** Users with trusted traits that the rule picks, by user id (the audience query of a plan). */
  candidates(projectId: string, query: CandidateQuery): Promise<EmailCandidate[]>;
  /** One user as a candidate, whatever the rules say (previews and test sends); null when unknown. */
  candidate(projectId: string, userId: string): Promise<EmailCandidate | null>;
  /** The user id the message's next plan resumes after ('' : from the start). */
  planCursor(projectId: string, messageId: string): Promise<string>;
  setPlanCursor(projectId: string, messageId: string, afterUserId: string): Promise<void>;
}

/** A user the kind's rule picked, with what sending needs: trusted traits hold the address and consent. */
export interface EmailCandidate {
  userId: string;
  firstSeen: number;
  lastSeen: number;
  /** `identify` traits: placeholders and the time zone. */
  traits: Record<string, JsonValue>;
  /** Traits the host's backend set with its secret key: the address and the consent. */
  trustedTraits: Record<string, JsonValue>;
}

/** The kind's rule as a query: every bound optional, all given ones must hold. */
export interface CandidateQuery {
  lastSeenBefore?: number;
  firstSeenBefore?: number;
  firstSeenAfter?: number;
  /** "Has not done `event` within `withinMs` of first seen." */
  notDone?: { event: string; withinMs: number };
  /** Leaves out users this message was already planned for: since their last activity, or ever. */
  notPlanned: { messageId: string; since: 'lastSeen' | 'ever' };
  /** Only users whose id sorts after this one (a plan's cursor). */
  after?: string;
  limit: number;
}
