import { timingSafeEqual } from 'node:crypto';
import type { ConsoleRole, OidcConfig } from '@hearth/schema';
import * as oidc from 'openid-client';
import { newRecordId, tokenHash } from '../crypto/opaque-token.js';
import { claimValues, mappedProjects, rolesFromClaim } from '../domain/team/oidc-roles.js';
import type { Account, TeamStore } from '../storage/team/team-store.js';
import type { AuditLog } from './audit-log.js';
import type { ProjectRegistry } from './project-registry.js';

/** How long a person has at the provider between "Sign in with SSO" and coming back. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

/** Why a single sign-on did not sign anyone in; the console shows a sentence per code. */
export type OidcErrorCode =
  | 'sso_unavailable'
  | 'sso_state_mismatch'
  | 'sso_state_used'
  | 'sso_rejected'
  | 'sso_email_unverified'
  | 'sso_email_domain'
  | 'sso_no_role';

export class OidcError extends Error {
  override name = 'OidcError';

  constructor(
    readonly code: OidcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface OidcSignInOptions {
  config: OidcConfig;
  /** From the file or HEARTH_OIDC_CLIENT_SECRET; none: a public client (PKCE alone). */
  clientSecret: string | undefined;
  team: TeamStore;
  projects: ProjectRegistry;
  audit: AuditLog;
  clock: () => number;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Console sign-in through an OpenID Connect provider, with `openid-client`: the authorization code
 * flow with PKCE, a nonce and a state. A started sign-in is kept in the store under its state's
 * hash and taken (deleted) by the one callback that uses it, so a state works once on any
 * collector; the browser must also bring the state back in its own cookie, so a callback link
 * made for someone else's browser signs nobody in. The ID token's signature, issuer, audience,
 * expiry and nonce are checked by the library. The person is found by the provider's subject,
 * else by verified email (and linked), else made; their roles in the projects the mapping names
 * are set from the roles claim at every sign-in.
 */
export class OidcSignIn {
  readonly #o: OidcSignInOptions;
  #provider: Promise<oidc.Configuration> | undefined;

  constructor(options: OidcSignInOptions) {
    this.#o = options;
  }

  /** The provider's metadata, discovered once (again after a failure). */
  provider(): Promise<oidc.Configuration> {
    const { issuer, clientId } = this.#o.config;
    const url = new URL(issuer);
    const auth = this.#o.clientSecret ? oidc.ClientSecretBasic(this.#o.clientSecret) : oidc.None();
    // Plain http is allowed by the schema only on loopback (a local provider, tests).
    const execute = url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? [oidc.allowInsecureRequests] : [];
    this.#provider ??= oidc.discovery(url, clientId, undefined, auth, { execute }).catch((error: unknown) => {
      this.#provider = undefined;
      throw new OidcError('sso_unavailable', `The identity provider at ${issuer} could not be reached or described: ${messageOf(error)}`);
    });
    return this.#provider;
  }

  /** Starts a sign-in: the provider's URL to send the browser to, and the state for its cookie. */
  async start(): Promise<{ url: URL; state: string }> {
    const provider = await this.provider();
    const { config, team, clock } = this.#o;
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = clock();
    await team.saveOidcLogin(tokenHash(state), { nonce, codeVerifier, expiresAt: now + OIDC_LOGIN_TTL_MS }, now);
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: config.redirectUri,
      scope: config.scopes.join(' '),
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, state };
  }

  /**
   * Finishes a sign-in from the provider's redirect (`query`: its query string) and the state the
   * browser's cookie carried; answers the signed-in account.
   */
  async finish(query: string, browserState: string | undefined, client: string): Promise<Account> {
    const { config, team, clock } = this.#o;
    const callback = new URL(config.redirectUri);
    callback.search = query;
    const state = callback.searchParams.get('state');
    if (!state || !browserState || !sameText(state, browserState)) {
      throw new OidcError('sso_state_mismatch', 'The sign-in came back without the state this browser started it with.');
    }
    const login = await team.takeOidcLogin(tokenHash(state));
    if (!login || login.expiresAt <= clock()) {
      throw new OidcError('sso_state_used', 'This sign-in was already used or took too long; start again.');
    }
    const provider = await this.provider();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(provider, callback, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      // Providers put profile claims in the ID token or only in the userinfo answer: read both.
      const userinfo = provider.serverMetadata().userinfo_endpoint
        ? await oidc.fetchUserInfo(provider, tokens.access_token, idToken.sub)
        : {};
      claims = { ...userinfo, ...idToken };
    } catch (error) {
      throw new OidcError('sso_rejected', `The identity provider's answer was refused: ${messageOf(error)}`);
    }
    return this.#admit(claims, client);
  }

  /** Where the browser signs out at the provider too; null when it has no end-session endpoint. */
  async endSessionUrl(): Promise<string | null> {
    const provider = await this.provider();
    if (!provider.serverMetadata().end_session_endpoint) return null;
    const { postLogoutRedirectUri } = this.#o.config;
    return oidc.buildEndSessionUrl(provider, postLogoutRedirectUri ? { post_logout_redirect_uri: postLogoutRedirectUri } : {}).href;
  }

  async #admit(claims: Record<string, unknown>, client: string): Promise<Account> {
    const { config, team, projects, audit, clock } = this.#o;
    const issuer = String(claims.iss);
    const subject = String(claims.sub);
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    const refuse = async (code: OidcErrorCode, message: string): Promise<never> => {
      await audit.record({ projectId: null, actor: email || subject, action: 'sign-in.refused', target: `single sign-on: ${code}` });
      throw new OidcError(code, message);
    };
    if (!email || claims.email_verified !== true) {
      return refuse('sso_email_unverified', 'The identity provider did not vouch for an email address (email_verified).');
    }
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (config.allowedEmailDomains.length > 0 && !config.allowedEmailDomains.includes(domain)) {
      return refuse('sso_email_domain', `${email} is not in a domain allowed to sign in (${config.allowedEmailDomains.join(', ')}).`);
    }
    const roles = rolesFromClaim(claimValues(claims, config.rolesClaim), config.roleMapping);
    for (const projectId of roles.keys()) if (!projects.get(projectId)) roles.delete(projectId);
    if (roles.size === 0) {
      return refuse('sso_no_role', `${email} has no role in any project: the "${config.rolesClaim}" claim holds no mapped value.`);
    }

    const now = clock();
    let account = (await team.accountByIdentity(issuer, subject)) ?? (await team.accountByEmail(email));
    if (!account) {
      const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
      const made = { id: newRecordId('acc'), email, name, passwordHash: null };
      // Another collector may have made it meanwhile: the email is unique.
      account = (await team.createAccount(made, now)) ? made : await team.accountByEmail(email);
      if (!account) throw new OidcError('sso_rejected', `The account for ${email} could not be made.`);
    }
    await team.linkIdentity(issuer, subject, account.id, now);
    await this.#applyRoles(account, roles);
    await audit.record({ projectId: null, actor: account.email, action: 'sign-in', target: `${client} (single sign-on)` });
    return account;
  }

  /**
   * The provider decides the roles in every project the mapping names: granted, changed, or taken
   * away when no claim value maps there any more (but never the project's last owner).
   */
  async #applyRoles(account: Account, roles: Map<string, ConsoleRole>): Promise<void> {
    const { config, team, projects, audit, clock } = this.#o;
    const held = new Map((await team.rolesOf(account.id)).map((r) => [r.projectId, r.role]));
    for (const projectId of mappedProjects(config.roleMapping)) {
      if (!projects.get(projectId)) continue;
      const role = roles.get(projectId) ?? null;
      const before = held.get(projectId) ?? null;
      if (role === before) continue;
      if (role) await team.grantRole(account.id, projectId, role, clock());
      else {
        const owners = (await team.members(projectId)).filter((m) => m.role === 'owner').length;
        if (before === 'owner' && owners === 1) continue;
        await team.removeRole(account.id, projectId);
      }
      await audit.record({
        projectId,
        actor: 'identity provider',
        action: role ? 'member.role' : 'member.remove',
        target: role ? `${account.email} as ${role}` : account.email,
      });
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
