import { createMiddleware } from 'hono/factory';
import { promptTarget, type AuditLog } from '../../services/audit-log.js';
import type { AppEnv } from '../app-env.js';

/** What a change is called in the audit log, by method and route, and what it acted on. */
interface Recorded {
  action: string;
  /** The target's name from the route's id (or, on create, the answer's). */
  target: (id: string) => string;
  /** The answer's ETag is the version the change made. */
  versioned?: true;
}

const prompt = (action: string): Recorded => ({ action, target: promptTarget, versioned: true });
const announcement = (action: string): Recorded => ({ action, target: (id) => `announcements/${id}`, versioned: true });
const settings = (action: string): Recorded => ({ action, target: () => 'settings', versioned: true });

const RECORDED: Record<string, Recorded> = {
  'POST /v1/admin/prompts': prompt('prompt.create'),
  'PUT /v1/admin/prompts/:id': prompt('prompt.save'),
  'POST /v1/admin/prompts/:id/publish': prompt('prompt.publish'),
  'POST /v1/admin/prompts/:id/archive': prompt('prompt.archive'),
  'POST /v1/admin/prompts/:id/rollback': prompt('prompt.rollback'),
  'POST /v1/admin/prompts/:id/pause': prompt('prompt.pause'),
  'POST /v1/admin/prompts/archive': { action: 'prompt.archive-many', target: () => 'prompts' },
  'POST /v1/admin/announcements': announcement('announcement.create'),
  'PUT /v1/admin/announcements/:id': announcement('announcement.save'),
  'POST /v1/admin/announcements/:id/publish': announcement('announcement.publish'),
  'POST /v1/admin/announcements/:id/archive': announcement('announcement.archive'),
  'POST /v1/admin/announcements/:id/pause': announcement('announcement.pause'),
  'POST /v1/admin/announcements/archive': { action: 'announcement.archive-many', target: () => 'announcements' },
  'DELETE /v1/admin/announcements/:id': { action: 'announcement.delete', target: (id) => `announcements/${id}` },
  'PATCH /v1/admin/settings': settings('settings.change'),
  'POST /v1/admin/settings/keys/rotate': settings('secret-key.rotate'),
  'POST /v1/admin/settings/keys/finish-rotation': settings('secret-key.finish-rotation'),
  'POST /v1/admin/settings/webhooks/rotate': settings('webhook-secret.rotate'),
  'POST /v1/admin/settings/webhooks/finish-rotation': settings('webhook-secret.finish-rotation'),
  'PUT /v1/admin/rewards-program': settings('rewards-program.save'),
  'POST /v1/admin/email/messages': { action: 'email-message.create', target: (id) => `email/${id}` },
  'PUT /v1/admin/email/messages/:id': { action: 'email-message.save', target: (id) => `email/${id}` },
  'DELETE /v1/admin/email/messages/:id': { action: 'email-message.delete', target: (id) => `email/${id}` },
  'POST /v1/admin/email/test-send': { action: 'email.test-send', target: () => 'email' },
  'DELETE /v1/admin/users/:userId': { action: 'user.delete', target: (id) => `users/${id}` },
};

/** The id a create answered with: `{ prompt: { id } }`, `{ announcement: { id } }` or an email's `{ message: { id } }`. */
async function createdId(res: Response): Promise<string> {
  const body = (await res.clone().json()) as { prompt?: { id?: string }; announcement?: { id?: string }; message?: { id?: string } };
  return body.prompt?.id ?? body.announcement?.id ?? body.message?.id ?? '';
}

/**
 * Records every successful change made through the admin API, by the console's person or a secret
 * key, in one place: a route added to the table above is audited without its handler knowing.
 * Runs after the route; a refused or failed change is not recorded.
 */
export function auditTrail(audit: AuditLog) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const recorded = RECORDED[`${c.req.method} ${c.req.routePath}`];
    const actor = c.get('actor');
    if (!recorded || !actor || c.res.status >= 400) return;
    const id = c.req.param('id') ?? c.req.param('userId') ?? (await createdId(c.res));
    const version = recorded.versioned ? Number(/"(\d+)"/.exec(c.res.headers.get('ETag') ?? '')?.[1]) : NaN;
    await audit.record({
      projectId: c.var.project.id,
      actor: actor.name,
      action: recorded.action,
      target: recorded.target(id),
      targetVersion: Number.isInteger(version) ? version : null,
    });
  });
}
