import type { AdminSession, SignInOptions, SignOut } from '@hearth/schema';
import { api, call } from './client.js';

export type SessionInfo = AdminSession;

export const signIn = (email: string, password: string) =>
  call(() => api.post('session', { json: { email, password } }).json<SessionInfo>());
export const currentSession = () => call(() => api.get('session').json<SessionInfo>());
/** Whether the collector offers single sign-on (the sign-in page then shows its button). */
export const signInOptions = () => call(() => api.get('oidc').json<SignInOptions>());
/** The URL where the browser signs out at the identity provider too, for a single sign-on session. */
export const signOut = () =>
  call(async () => {
    const response = await api.delete('session');
    return response.status === 200 ? ((await response.json()) as SignOut).endSessionUrl : null;
  });
/** Where "Sign in with SSO" goes: a top-level navigation, since the provider's pages take over. */
export const SSO_START_URL = '/v1/admin/oidc/start';
