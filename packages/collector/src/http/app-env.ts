import type { ConsoleRole, ProjectConfig } from '@hearth/schema';
import type { LiveSession } from '../services/console-sessions.js';

/** Who is making an admin request: a console account (its email) or a secret key. */
export interface Actor {
  /** The account's email, or `secret-key`. */
  name: string;
  /** A secret key acts as the project's owner. */
  role: ConsoleRole;
}

/** Per-request values middleware hands to routes. */
export interface AppEnv {
  Variables: {
    /** The project named by `?key`, set by the project-key middleware. */
    project: ProjectConfig;
    /** The request body as text: size-checked and decompressed by the body-limit middleware. */
    body: string;
    /** Set by admin-auth when the console's session cookie (not a secret key) authorised the call. */
    adminSession: LiveSession;
    /** Set on admin routes by admin-auth (console) or the secret-key middleware. */
    actor: Actor;
  };
}
