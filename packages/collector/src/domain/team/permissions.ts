import type { ConsoleRole } from '@hearth/schema';

/**
 * What a console request needs: `read` (any role, previews included), `edit` (change prompts, announcements, settings,
 * rewards, users' data: editors and owners) or `manage` (keys, webhook secrets, members,
 * invitations, sessions of others, the audit log: owners only).
 */
export type Permission = 'read' | 'edit' | 'manage';

const GRANTS: Record<ConsoleRole, ReadonlySet<Permission>> = {
  owner: new Set(['read', 'edit', 'manage']),
  editor: new Set(['read', 'edit']),
  viewer: new Set(['read']),
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Owner-only paths whatever the method: secrets, people and the record of what they did. */
const MANAGE_PATHS = [/^\/v1\/admin\/settings\/(keys|webhooks)\//, /^\/v1\/admin\/team\/(sessions|invites)/, /^\/v1\/admin\/audit/];

/**
 * POSTs that store and send nothing: a draft rendered for the editor's preview, with data the
 * person may already read. Viewers see the same preview as editors; sending a test email is not
 * among them.
 */
const PREVIEW_PATHS = new Set(['/v1/admin/announcements/preview', '/v1/admin/email/preview']);

/** The permission a console request needs, from its method and path. */
export function permissionFor(method: string, path: string): Permission {
  if (MANAGE_PATHS.some((pattern) => pattern.test(path))) return 'manage';
  if (SAFE_METHODS.has(method) || (method === 'POST' && PREVIEW_PATHS.has(path))) return 'read';
  // Changing members (role, removal) is managing; reading the member list is not.
  if (path.startsWith('/v1/admin/team/')) return 'manage';
  return 'edit';
}

export const roleAllows = (role: ConsoleRole, permission: Permission): boolean => GRANTS[role].has(permission);

/** Why the role is refused, for the 403 answer. */
export function refusal(role: ConsoleRole, permission: Permission, projectName: string): string {
  const what =
    permission === 'manage'
      ? 'keys, webhook secrets, members, sessions and the audit log are for owners'
      : 'viewers can look but not publish, change or delete';
  return `Your role in ${projectName} is ${role}: ${what}. Ask an owner of the project for a higher role.`;
}
