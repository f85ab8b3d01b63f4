import { z } from 'zod';

/**
 * Team access to the admin console: named accounts, a role per project, one-time invitations,
 * sessions stored by the collector and the audit log. The OpenAPI document describes the routes
 * with these.
 */

const isoInstant = z.string().describe('ISO 8601 date-time');

/**
 * What a person may do in one project. `viewer`: read only. `editor`: everything but keys,
 * webhook secrets and members. `owner`: everything.
 */
export const consoleRoleSchema = z.enum(['owner', 'editor', 'viewer']);

/** Accounts sign in with their email address, compared without case. */
export const accountEmailSchema = z
  .string({ error: 'email is required' })
  .trim()
  .min(3, 'email is required')
  .max(254, 'email is at most 254 characters')
  .transform((email) => email.toLowerCase());

/** At least 10 characters: long enough that the sign-in limiter, not luck, decides. */
export const newPasswordSchema = z
  .string({ error: 'password is required' })
  .min(10, 'password needs at least 10 characters')
  .max(1_024, 'password is at most 1,024 characters');

/** `POST /v1/admin/session`. */
export const signInSchema = z.object({
  email: accountEmailSchema,
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(1_024),
});

/** A project the signed-in person has a role in. */
export const sessionProjectSchema = z.object({ id: z.string(), name: z.string(), role: consoleRoleSchema });

/** `POST/GET /v1/admin/session`: the console's session, its person and the projects they may manage. */
export const adminSessionSchema = z.object({
  signedIn: z.literal(true),
  csrfToken: z.string(),
  expiresAt: isoInstant,
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  projects: z.array(sessionProjectSchema),
});

/** `POST /v1/admin/team/invites`: who to invite, with which role in the current project. */
export const inviteInputSchema = z.object({
  email: z
    .email({ error: 'email must be an email address' })
    .max(254)
    .transform((email) => email.toLowerCase()),
  role: consoleRoleSchema,
});

/** An open invitation (its token is shown once, in the link of the answer that made it). */
export const inviteSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: consoleRoleSchema,
  invitedBy: z.string(),
  createdAt: isoInstant,
  expiresAt: isoInstant,
});

/** The answer that made an invitation: the one-time link, never shown again. */
export const inviteCreatedSchema = z.object({ invite: inviteSchema, link: z.string() });

const inviteTokenSchema = z.string({ error: 'token is required' }).min(20, 'token is not an invitation token').max(200);

/** `POST /v1/admin/invites/peek`: what an invitation link offers, before accepting it. */
export const invitePeekSchema = z.object({ token: inviteTokenSchema });
export const inviteOfferSchema = z.object({
  email: z.string(),
  role: consoleRoleSchema,
  projectName: z.string(),
  /** True when that email already has an account: accepting adds the role, and they sign in as before. */
  accountExists: z.boolean(),
  expiresAt: isoInstant,
});

/**
 * `POST /v1/admin/invites/accept`: the token from the link and, for a new account, its name and
 * password (an existing account keeps its own and just gains the role).
 */
export const inviteAcceptSchema = z.object({
  token: inviteTokenSchema,
  name: z.string().trim().min(1, 'name is required').max(120, 'name is at most 120 characters').optional(),
  password: newPasswordSchema.optional(),
});

/** `GET /v1/admin/team/members`: the people with a role in the current project. */
export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: consoleRoleSchema,
  since: isoInstant,
});
export const memberListSchema = z.object({ members: z.array(memberSchema), invites: z.array(inviteSchema) });

/** `PATCH /v1/admin/team/members/:userId`. */
export const memberRoleSchema = z.object({ role: consoleRoleSchema });

/** `GET /v1/admin/team/sessions`: the members' open sessions (ids are not the cookie). */
export const consoleSessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  email: z.string(),
  createdAt: isoInstant,
  expiresAt: isoInstant,
  current: z.boolean(),
});
export const consoleSessionListSchema = z.object({ sessions: z.array(consoleSessionSchema) });

/** One line of the audit log: who did what, when, to what. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: isoInstant,
  /** The account's email, `secret-key` for a server call, or the address tried at a failed sign-in. */
  actor: z.string(),
  action: z.string(),
  /** What was acted on: a prompt id, a member's email, a key fingerprint; null when nothing in particular. */
  target: z.string().nullable(),
  /** The version a save or publish made, when it made one. */
  version: z.number().int().nullable(),
  /** Null for collector-wide entries (sign-ins). */
  projectId: z.string().nullable(),
});
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });

export type ConsoleRole = z.infer<typeof consoleRoleSchema>;
export type SessionProject = z.infer<typeof sessionProjectSchema>;
export type AdminSession = z.infer<typeof adminSessionSchema>;
export type InviteInput = z.infer<typeof inviteInputSchema>;
export type Invite = z.infer<typeof inviteSchema>;
export type InviteCreated = z.infer<typeof inviteCreatedSchema>;
export type InviteOffer = z.infer<typeof inviteOfferSchema>;
export type Member = z.infer<typeof memberSchema>;
export type MemberList = z.infer<typeof memberListSchema>;
export type ConsoleSession = z.infer<typeof consoleSessionSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
