import type { AdminSession, AuditEntry, ConsoleRole, ConsoleSession, InviteCreated, InviteOffer, MemberList } from '@hearth/schema';
import { api, call } from './client.js';

export const listMembers = () => call(() => api.get('team/members').json<MemberList>());
export const changeRole = (userId: string, role: ConsoleRole) =>
  call(() => api.patch(`team/members/${encodeURIComponent(userId)}`, { json: { role } }).json<MemberList>());
export const removeMember = (userId: string) => call(() => api.delete(`team/members/${encodeURIComponent(userId)}`).json<MemberList>());

export const invite = (email: string, role: ConsoleRole) =>
  call(() => api.post('team/invites', { json: { email, role } }).json<InviteCreated>());
export const withdrawInvite = (id: string) => call(() => api.delete(`team/invites/${encodeURIComponent(id)}`));

export const listSessions = () => call(() => api.get('team/sessions').json<{ sessions: ConsoleSession[] }>());
export const revokeSession = (id: string) => call(() => api.delete(`team/sessions/${encodeURIComponent(id)}`));

export const auditLog = (before?: string) =>
  call(() => api.get('audit', { searchParams: { limit: 100, ...(before ? { before } : {}) } }).json<{ entries: AuditEntry[] }>());
export const auditCsv = () => call(() => api.get('audit.csv').text());

export const peekInvite = (token: string) => call(() => api.post('invites/peek', { json: { token } }).json<InviteOffer>());
export const acceptInvite = (body: { token: string; name?: string; password?: string }) =>
  call(() => api.post('invites/accept', { json: body }).json<AdminSession | { signedIn: false; email: string }>());
