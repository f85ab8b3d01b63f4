import type { ProjectConfig } from '@hearth/schema';
import type { AdminSessionClaims } from './admin-session-token.js';

/** Per-request values middleware hands to routes. */
export interface AppEnv {
  Variables: {
    /** The project named by `?key`, set by the project-key middleware. */
    project: ProjectConfig;
    /** The request body as text: size-checked and decompressed by the body-limit middleware. */
    body: string;
    /** Set by admin-auth when the console's session cookie (not a secret key) authorised the call. */
    adminSession: AdminSessionClaims;
  };
}
