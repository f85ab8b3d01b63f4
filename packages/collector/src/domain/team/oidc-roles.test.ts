import { describe, expect, it } from 'vitest';
import { claimValues, mappedProjects, rolesFromClaim } from './oidc-roles.js';

describe('roles from an OpenID Connect claim', () => {
  it('reads a string, a list of strings, or a value inside objects', () => {
    expect(claimValues({ roles: 'staff' }, 'roles')).toEqual(['staff']);
    expect(claimValues({ groups: ['a', 7, 'b', null] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ realm_access: { roles: ['hearth-admins'] } }, 'realm_access.roles')).toEqual(['hearth-admins']);
    expect(claimValues({ roles: { nested: true } }, 'roles')).toEqual([]);
    expect(claimValues({}, 'roles')).toEqual([]);
    // Inherited properties are no claims.
    expect(claimValues({}, 'constructor')).toEqual([]);
  });

  it('gives the highest role any value maps to, per project', () => {
    const mapping = {
      staff: { acme: 'viewer' as const, beta: 'editor' as const },
      'hearth-admins': { acme: 'owner' as const },
      writers: { acme: 'editor' as const },
    };
    expect(Object.fromEntries(rolesFromClaim(['writers', 'staff'], mapping))).toEqual({ acme: 'editor', beta: 'editor' });
    expect(Object.fromEntries(rolesFromClaim(['hearth-admins', 'writers'], mapping))).toEqual({ acme: 'owner' });
    expect(rolesFromClaim(['toString', 'unknown'], mapping).size).toBe(0);
    expect(mappedProjects(mapping)).toEqual(new Set(['acme', 'beta']));
  });
});
