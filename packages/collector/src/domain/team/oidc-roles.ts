import type { ConsoleRole, OidcRoleMapping } from '@hearth/schema';

const RANK: Record<ConsoleRole, number> = { viewer: 1, editor: 2, owner: 3 };

/**
 * The strings a claim holds: `path` names a top-level claim or, with dots, one inside objects
 * (`realm_access.roles`). A string counts as one value, a list keeps its strings, anything else
 * (absent, numbers, objects) gives none.
 */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return [];
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Project id → role from the claim's values: the highest role any value maps to in each project. */
export function rolesFromClaim(values: readonly string[], mapping: OidcRoleMapping): Map<string, ConsoleRole> {
  const roles = new Map<string, ConsoleRole>();
  for (const value of values) {
    if (!Object.hasOwn(mapping, value)) continue;
    for (const [projectId, role] of Object.entries(mapping[value] ?? {})) {
      const held = roles.get(projectId);
      if (!held || RANK[role] > RANK[held]) roles.set(projectId, role);
    }
  }
  return roles;
}

/** Every project the mapping gives a role in: the provider decides the roles there. */
export const mappedProjects = (mapping: OidcRoleMapping): Set<string> =>
  new Set(Object.values(mapping).flatMap((roles) => Object.keys(roles)));
