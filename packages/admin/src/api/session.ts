import { api, call } from './client.js';

export interface SessionInfo {
  signedIn: true;
  csrfToken: string;
  expiresAt: string;
  projects: { id: string; name: string }[];
}

export const signIn = (password: string) => call(() => api.post('session', { json: { password } }).json<SessionInfo>());
export const currentSession = () => call(() => api.get('session').json<SessionInfo>());
export const signOut = () => call(() => api.delete('session'));
