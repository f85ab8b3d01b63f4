import type { EmailKpis, EmailMessage, EmailMessageInput, EmailMessageRecord, EmailPreview, EmailSend } from '@hearth/schema';
import { api, call } from './client.js';

const path = (id: string) => `email/messages/${encodeURIComponent(id)}`;

export const listEmailMessages = () =>
  call(() => api.get('email/messages').json<{ messages: EmailMessageRecord[] }>()).then((body) => body.messages);
export const getEmailMessage = (id: string) => call(() => api.get(path(id)).json<EmailMessageRecord>());
export const createEmailMessage = (message: EmailMessageInput) =>
  call(() => api.post('email/messages', { json: message }).json<EmailMessageRecord>());
export const updateEmailMessage = (message: EmailMessageInput, version: number) =>
  call(() => api.put(path(message.id), { json: { message, version } }).json<EmailMessageRecord>());
/** Saves the stored message with another status: how the list and the editor publish, pause and archive. */
export const setEmailStatus = ({ message, version }: EmailMessageRecord, status: EmailMessage['status']) =>
  updateEmailMessage({ ...message, status }, version);
export const emailKpis = (id: string) => call(() => api.get(`${path(id)}/kpis`).json<EmailKpis>());
export const emailSends = (messageId: string, limit = 50) =>
  call(() => api.get('email/sends', { searchParams: { messageId, limit } }).json<{ sends: EmailSend[] }>()).then((body) => body.sends);
/** The draft as `userId` would get it now, and why they would not; nothing is stored. */
export const previewEmail = (message: EmailMessageInput, userId: string) =>
  call(() => api.post('email/preview', { json: { message, userId } }).json<EmailPreview>());
/** The draft rendered for `userId`, sent to `to` only: not queued, not counted. */
export const testSendEmail = (message: EmailMessageInput, userId: string, to: string) =>
  call(() => api.post('email/test-send', { json: { message, userId, to } }).json<{ sent: true; to: string }>());
