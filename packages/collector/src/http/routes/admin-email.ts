import {
  emailBounceSchema,
  emailMessageSchema,
  emailPreviewRequestSchema,
  emailTestSendRequestSchema,
  type EmailMessageRecord,
} from '@hearth/schema';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { EmailStore } from '../../storage/email/email-store.js';
import type { EmailService } from '../../services/email/email-service.js';
import type { ProjectRegistry } from '../../services/project-registry.js';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';
import { parseJsonBody, parseValue } from '../json-body.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { secretKey } from '../middleware/secret-key.js';

export interface AdminEmailDeps {
  email: EmailService;
  emailStore: EmailStore;
  projects: ProjectRegistry;
  clock: () => number;
}

const MAX_BODY_BYTES = 256 * 1024;
const INVALID = { code: 'invalid_email_message', message: 'The email message is not valid; see issues.' };
export const emailMessageUpdateSchema = z.object({ message: emailMessageSchema, version: z.number().int().min(1) });
export const emailHistoryQuerySchema = z.object({
  messageId: z.string().max(64).optional(),
  limit: z.coerce.number().int('limit must be a whole number').min(1, 'limit must be 1–200').max(200, 'limit must be 1–200').default(50),
});

const emailEnabled = (c: Context<AppEnv>) => {
  if (!c.var.project.email) {
    throw new HttpError(
      409,
      'email_not_configured',
      `Project ${c.var.project.id} has no email settings (projects[].email in the configuration).`,
    );
  }
  return c.var.project;
};

/**
 * Lifecycle email in the console (session or secret key):
 * - `GET|POST /v1/admin/email/messages`, `GET|PUT|DELETE /v1/admin/email/messages/:id`: the messages;
 * - `POST /v1/admin/email/preview`: HTML and text as one real user would get them, and why not;
 * - `POST /v1/admin/email/test-send`: that preview sent to an address (not queued, not counted);
 * - `GET /v1/admin/email/messages/:id/kpis`, `GET /v1/admin/email/sends`: figures and history.
 * And for the host's backend: `POST /v1/server/email/bounces`, a bounce or complaint notice.
 */
export function adminEmailRoutes({ email, emailStore, projects, clock }: AdminEmailDeps) {
  const app = new Hono<AppEnv>();
  const body = bodyLimit({ maxBytes: MAX_BODY_BYTES });
  app.use('/v1/admin/email/*', secretKey(projects));

  const found = (record: EmailMessageRecord | null, id: string) => {
    if (!record) throw new HttpError(404, 'email_message_not_found', `No email message "${id}".`);
    return record;
  };

  app.get('/v1/admin/email/messages', async (c) => c.json({ messages: await emailStore.listMessages(c.var.project.id) }));

  app.post('/v1/admin/email/messages', body, async (c) => {
    const message = parseJsonBody(c.var.body, emailMessageSchema, INVALID);
    const saved = await emailStore.saveMessage(c.var.project.id, message, 0, clock());
    if (!saved) throw new HttpError(409, 'email_message_exists', `An email message "${message.id}" already exists.`);
    return c.json(saved, 201);
  });

  app.get('/v1/admin/email/messages/:id', async (c) => {
    const id = c.req.param('id');
    return c.json(found(await emailStore.getMessage(c.var.project.id, id), id));
  });

  app.put('/v1/admin/email/messages/:id', body, async (c) => {
    const id = c.req.param('id');
    const { message, version } = parseJsonBody(c.var.body, emailMessageUpdateSchema, INVALID);
    if (message.id !== id)
      throw new HttpError(400, INVALID.code, 'message.id must be the id in the path.', [
        { path: 'message.id', message: `expected "${id}"` },
      ]);
    found(await emailStore.getMessage(c.var.project.id, id), id);
    const saved = await emailStore.saveMessage(c.var.project.id, message, version, clock());
    if (!saved)
      throw new HttpError(409, 'version_conflict', `Email message "${id}" changed meanwhile (not version ${version}); reload it.`);
    return c.json(saved);
  });

  app.delete('/v1/admin/email/messages/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await emailStore.removeMessage(c.var.project.id, id))) found(null, id);
    return c.body(null, 204);
  });

  app.get('/v1/admin/email/messages/:id/kpis', async (c) => {
    const id = c.req.param('id');
    found(await emailStore.getMessage(c.var.project.id, id), id);
    return c.json(await email.kpis(c.var.project.id, id));
  });

  app.get('/v1/admin/email/sends', async (c) => {
    const query = parseValue(c.req.query(), emailHistoryQuerySchema, {
      code: 'invalid_query',
      message: 'The history query is not valid; see issues.',
    });
    const sends = await emailStore.history(c.var.project.id, query.messageId ?? null, query.limit);
    return c.json({
      sends: sends.map((s) => ({
        sendId: s.sendId,
        messageId: s.messageId,
        userId: s.userId,
        status: s.status,
        to: s.toAddress,
        attempts: s.attempts,
        error: s.error,
        createdAt: new Date(s.createdAt).toISOString(),
        sentAt: s.sentAt === null ? null : new Date(s.sentAt).toISOString(),
        clicked: s.clickedAt !== null,
        bounced: s.bouncedAt !== null,
        unsubscribed: s.unsubscribedAt !== null,
      })),
    });
  });

  app.post('/v1/admin/email/preview', body, async (c) => {
    const project = emailEnabled(c);
    const request = parseJsonBody(c.var.body, emailPreviewRequestSchema, INVALID);
    const preview = await email.preview(project, request.message, request.userId);
    if (!preview) throw new HttpError(404, 'user_not_found', `No user "${request.userId}" in project ${project.id}.`);
    return c.json(preview);
  });

  app.post('/v1/admin/email/test-send', body, async (c) => {
    const project = emailEnabled(c);
    const request = parseJsonBody(c.var.body, emailTestSendRequestSchema, INVALID);
    if (!email.canSend) throw new HttpError(409, 'smtp_not_configured', 'No SMTP relay is configured (email.smtp in the configuration).');
    const result = await email.testSend(project, request.message, request.userId, request.to);
    if (!result) throw new HttpError(404, 'user_not_found', `No user "${request.userId}" in project ${project.id}.`);
    if (result.outcome !== 'accepted') throw new HttpError(503, 'smtp_refused', `The SMTP relay refused the test message: ${result.error}`);
    return c.json({ sent: true, to: request.to });
  });

  // `/v1/server/*` is authenticated (secret key) and its body read by the server API's middleware.
  app.post('/v1/server/email/bounces', async (c) => {
    const project = emailEnabled(c);
    const bounce = parseJsonBody(c.var.body, emailBounceSchema, {
      code: 'invalid_bounce',
      message: 'The bounce notice is not valid; see issues.',
    });
    return c.json(await email.bounce(project, bounce));
  });
  return app;
}
