import { describe, expect, it } from 'vitest';
import { permissionFor, roleAllows } from './permissions.js';

describe('console permissions', () => {
  it('lets every role read, editors change content, and only owners manage secrets and people', () => {
    const cases: [string, string, boolean, boolean, boolean][] = [
      // method, path, viewer, editor, owner
      ['GET', '/v1/admin/prompts', true, true, true],
      ['POST', '/v1/admin/prompts/onboarding/publish', false, true, true],
      ['DELETE', '/v1/admin/announcements/a1', false, true, true],
      ['DELETE', '/v1/admin/users/u1', false, true, true],
      ['PATCH', '/v1/admin/settings', false, true, true],
      ['POST', '/v1/admin/settings/keys/rotate', false, false, true],
      ['POST', '/v1/admin/settings/webhooks/finish-rotation', false, false, true],
      ['GET', '/v1/admin/team/members', true, true, true],
      ['PATCH', '/v1/admin/team/members/acc_1', false, false, true],
      ['POST', '/v1/admin/team/invites', false, false, true],
      ['GET', '/v1/admin/team/sessions', false, false, true],
      ['GET', '/v1/admin/audit', false, false, true],
      // Previews compute from a draft and store nothing: every role may use them.
      ['POST', '/v1/admin/announcements/preview', true, true, true],
      ['PUT', '/v1/admin/announcements/preview', false, true, true],
      ['GET', '/v1/admin/email/sends', true, true, true],
      ['POST', '/v1/admin/email/preview', true, true, true],
      ['POST', '/v1/admin/email/test-send', false, true, true],
      ['PUT', '/v1/admin/email/messages/whats-new', false, true, true],
      ['POST', '/v1/admin/email/messages', false, true, true],
    ];
    for (const [method, path, viewer, editor, owner] of cases) {
      const needed = permissionFor(method, path);
      expect([roleAllows('viewer', needed), roleAllows('editor', needed), roleAllows('owner', needed)], `${method} ${path}`).toEqual([
        viewer,
        editor,
        owner,
      ]);
    }
  });
});
