import { z } from 'zod';
import { consoleRoleSchema } from './team.js';

/** Plain HTTP is only believed on the machine itself (a provider started next to the collector, tests). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const secureUrl = (field: string) =>
  z.url({ protocol: /^https?$/, error: `${field} must be an absolute http(s) URL` }).refine((url) => {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || LOOPBACK.has(parsed.hostname);
  }, `${field} must use https (plain http only on localhost)`);

/** A claim value (a group or role name the provider sends) and the project roles it gives. */
export const oidcRoleMappingSchema = z
  .record(
    z.string().min(1, 'a claim value must not be empty').max(200),
    z
      .record(z.string().min(1).max(64), consoleRoleSchema, { error: 'map each project id to owner, editor or viewer' })
      .refine((roles) => Object.keys(roles).length > 0, 'give at least one project role for this claim value'),
  )
  .refine((mapping) => Object.keys(mapping).length > 0, 'map at least one claim value to a project role')
  .describe(
    'Claim value → { project id → role }, e.g. `{"hearth-admins": {"acme": "owner"}, "staff": {"acme": "viewer"}}`. A person with several values gets the highest role per project.',
  );

/**
 * Single sign-on with an OpenID Connect provider (authorization code flow with PKCE). Absent: the
 * console offers password sign-in only.
 */
export const oidcConfigSchema = z
  .object({
    issuer: secureUrl('issuer').describe(
      "The provider's issuer URL; its `/.well-known/openid-configuration` is read at the first sign-in and the ID token's `iss` must equal it.",
    ),
    clientId: z.string().min(1, 'clientId is required').max(512).describe("The collector's client id at the provider."),
    clientSecret: z
      .string()
      .min(1)
      .max(1_024)
      .optional()
      .describe(
        'The client secret (env HEARTH_OIDC_CLIENT_SECRET wins over it); without either the collector signs in as a public client, with PKCE alone.',
      ),
    redirectUri: secureUrl('redirectUri')
      .refine((url) => new URL(url).pathname.endsWith('/v1/admin/oidc/callback'), 'redirectUri must end with /v1/admin/oidc/callback')
      .describe('Where the provider sends the browser back: `https://<collector>/v1/admin/oidc/callback`, registered at the provider.'),
    postLogoutRedirectUri: secureUrl('postLogoutRedirectUri')
      .optional()
      .describe(
        "Where the provider sends the browser after signing out (e.g. `https://<collector>/admin/`), registered at the provider; without it the provider's own page ends the sign-out.",
      ),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'a scope is one word without spaces or quotes'))
      .refine((scopes) => scopes.includes('openid'), 'scopes must include openid')
      .default(['openid', 'email', 'profile'])
      .describe('Scopes requested; add the one that makes the provider send the roles claim (e.g. `groups`).'),
    rolesClaim: z
      .string()
      .min(1)
      .max(200)
      .default('roles')
      .describe(
        "The claim (from the ID token or the userinfo answer) holding the person's groups or roles: a string or a list of strings; dots reach into objects, e.g. `realm_access.roles`.",
      ),
    roleMapping: oidcRoleMappingSchema,
    allowedEmailDomains: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9.-]+\.[a-z]{2,}$|^localhost$/i, 'expected a domain such as example.com')
          .transform((domain) => domain.toLowerCase()),
      )
      .max(50)
      .default([])
      .describe('Only verified emails in these domains may sign in through the provider; empty: any domain.'),
  })
  .describe('Single sign-on through an OpenID Connect provider (off when absent).');

/** `GET /v1/admin/oidc`: whether the console offers "Sign in with SSO". */
export const signInOptionsSchema = z.object({ sso: z.boolean() });

/** `DELETE /v1/admin/session` of a single sign-on session: where the browser goes to sign out at the provider too. */
export const signOutSchema = z.object({ endSessionUrl: z.url() });

export type OidcConfig = z.infer<typeof oidcConfigSchema>;
export type OidcRoleMapping = z.infer<typeof oidcRoleMappingSchema>;
export type SignInOptions = z.infer<typeof signInOptionsSchema>;
export type SignOut = z.infer<typeof signOutSchema>;
