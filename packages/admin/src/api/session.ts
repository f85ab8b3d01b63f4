import type { AdminSession } from '@hearth/schema';
import { api, call } from './client.js';

export type SessionInfo = AdminSession;

export const signIn = (email: string, password: string) =>
  call(() => api.post('session', { json: { email, password } }).json<SessionInfo>());
export const currentSession = () => call(() => api.get('session').json<SessionInfo>());
export const signOut = () => call(() => api.delete('session'));
