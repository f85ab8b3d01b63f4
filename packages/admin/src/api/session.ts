import type { AdminSession } from '@hearth/schema';
import { api, call } from './client.js';

export type SessionInfo = AdminSession;

export const signIn = (password: string) => call(() => api.post('session', { json: { password } }).json<SessionInfo>());
export const currentSession = () => call(() => api.get('session').json<SessionInfo>());
export const signOut = () => call(() => api.delete('session'));
