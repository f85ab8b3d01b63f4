import { MAX_COMMENT_LENGTH } from '@hearth/schema';
import { Hono, type Context } from 'hono';
import type { EmailService } from '../../services/email/email-service.js';
import type { AppEnv } from '../app-env.js';
import { bodyLimit } from '../middleware/body-limit.js';
import { emailPage, LINK_REFUSED, npsLanding, npsThanks, unsubscribed, unsubscribeForm } from './email-pages.js';

const MAX_FORM_BYTES = 16 * 1024;

const tokenOf = (c: Context<AppEnv>) => (c.req.query('t') ?? '').slice(0, 4_096);
const refused = (c: Context<AppEnv>, reason: keyof typeof LINK_REFUSED) =>
  c.html(emailPage('Link not valid', `<p>${LINK_REFUSED[reason]}</p>`), reason === 'answered' ? 409 : reason === 'expired' ? 410 : 400);
/** Links in email: no cache may keep a page that acted on a token, and no referrer leaks the token. */
const noStore = (c: Context<AppEnv>) => {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
};

/**
 * The links inside emails, each carrying a signed token (`?t=`) instead of a key:
 * - `GET /v1/email/click`: records the first click, then redirects to the signed target;
 * - `GET /v1/email/unsubscribe`: a confirmation page (a GET never unsubscribes: scanners follow links);
 * - `POST /v1/email/unsubscribe`: RFC 8058 one-click (`List-Unsubscribe=One-Click`), immediate;
 * - `GET /v1/email/nps`: records the score (idempotent), then the follow-up question;
 * - `POST /v1/email/nps`: adds the follow-up comment.
 */
export function emailLinkRoutes({ email }: { email: EmailService }) {
  const app = new Hono<AppEnv>();
  const form = bodyLimit({ maxBytes: MAX_FORM_BYTES });

  app.get('/v1/email/click', async (c) => {
    noStore(c);
    const result = await email.click(tokenOf(c));
    if (!result.ok) return refused(c, result.reason);
    return c.redirect(result.url, 302);
  });

  app.get('/v1/email/unsubscribe', async (c) => {
    noStore(c);
    const check = await email.checkUnsubscribe(tokenOf(c));
    if (!check.ok) return refused(c, check.reason);
    return c.html(unsubscribeForm(tokenOf(c), check.send.category));
  });

  app.post('/v1/email/unsubscribe', form, async (c) => {
    noStore(c);
    const result = await email.unsubscribe(tokenOf(c));
    if (!result.ok) return refused(c, result.reason);
    return c.html(unsubscribed(result.category));
  });

  app.get('/v1/email/nps', async (c) => {
    noStore(c);
    const result = await email.answerNps(tokenOf(c));
    if (!result.ok) return refused(c, result.reason);
    return c.html(npsLanding(tokenOf(c), result.score, result.followUp));
  });

  app.post('/v1/email/nps', form, async (c) => {
    noStore(c);
    const comment = new URLSearchParams(c.var.body).get('comment')?.trim().slice(0, MAX_COMMENT_LENGTH) ?? '';
    const result = await email.answerNps(tokenOf(c), comment || undefined);
    if (!result.ok) return refused(c, result.reason);
    return c.html(npsThanks());
  });
  return app;
}
