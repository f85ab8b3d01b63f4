import type { JsonValue } from '@hearth/schema';
import { api, call } from './client.js';

type Traits = Record<string, JsonValue>;

export interface UserSummary {
  userId: string;
  traits: Traits;
  firstSeen: string;
  lastSeen: string;
}

export interface UserPage {
  users: UserSummary[];
  nextCursor: string | null;
}

export interface UserEvent {
  messageId: string;
  type: 'track' | 'page' | 'identify';
  name: string | null;
  timestamp: string;
  verified: boolean;
  properties: Traits;
  context: { path?: string } | null;
}

export interface ChecklistProgress {
  promptId: string;
  title: string;
  status: string;
  done: number;
  total: number;
  complete: boolean;
  items: { id: string; title: string; done: boolean; doneAt: string | null; skipped: boolean }[];
}

export interface SurveyAnswer {
  surveyId: string;
  cycle: number;
  answer: { type: string; score?: number; scores?: Record<string, number> };
  comment: string | null;
  answeredAt: string;
}

export interface LedgerEntry {
  id: string;
  amount: number;
  reason: string;
  ruleId: string | null;
  at: string;
}

/** The answer of `GET /v1/admin/users/:userId` (docs/privacy.md). */
export interface UserDetail {
  user: UserSummary & { anonymousIds: string[] };
  recentEvents: UserEvent[];
  checklists: ChecklistProgress[];
  surveyResponses: SurveyAnswer[];
  points: {
    balance: number;
    lifetime: number;
    ledger: LedgerEntry[];
    redemptions: { id: string; itemId: string; cost: number; status: string; createdAt: string }[];
  };
}

/** What `DELETE /v1/admin/users/:userId` removed (deleted) or anonymised (ledger kept for KPIs). */
export type ErasureCounts = Record<string, number>;

export interface SearchParams {
  q?: string;
  trait?: string;
  cursor?: string;
}

const path = (userId: string) => `users/${encodeURIComponent(userId)}`;

export const searchUsers = (params: SearchParams) => call(() => api.get('users', { searchParams: { ...params } }).json<UserPage>());
export const getUser = (userId: string) => call(() => api.get(path(userId)).json<UserDetail>());
export const eraseUser = (userId: string) => call(() => api.delete(path(userId)).json<{ userId: string; removed: ErasureCounts }>());

/** The export as the collector names and sends it (`Content-Disposition`), ready to save. */
export const exportUser = (userId: string) =>
  call(async () => {
    const response = await api.get(`${path(userId)}/export`);
    const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'hearth-user.json';
    return { filename, text: await response.text() };
  });
