import type { ConsoleRole } from '@hearth/schema';

/**
 * What a console request needs: `read` (any role), `edit` (change prompts, announcements, settings,
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

/** POSTs that only read: a draft rendered for a user, nothing stored or sent (a test send is an edit). */
const READING_POSTS = new Set(['/v1/admin/email/preview']);

/** Owner-only paths whatever the method: secrets, people and the record of what they did. */
const MANAGE_PATHS = [/^\/v1\/admin\/settings\/(keys|webhooks)\//, /^\/v1\/admin\/team\/(sessions|invites)/, /^\/v1\/admin\/audit/];

/** The permission a console request needs, from its method and path. */
export function permissionFor(method: string, path: string): Permission {
  if (MANAGE_PATHS.some((pattern) => pattern.test(path))) return 'manage';
  if (SAFE_METHODS.has(method) || (method === 'POST' && READING_POSTS.has(path))) return 'read';
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
