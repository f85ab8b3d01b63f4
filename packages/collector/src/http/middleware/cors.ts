import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { HttpError } from '../http-error.js';

/**
 * CORS per project. Requests without `Origin` (servers, curl) pass: allowed origins curb abuse
 * from other sites' pages, they do not authenticate. A disallowed origin gets 403 rather than a
 * missing header: a simple `text/plain` POST would otherwise be stored even though the page
 * could not read the answer.
 */
export function projectCors() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = c.var.project.allowedOrigins;
    if (origin) {
      if (allowed.includes('*')) c.header('Access-Control-Allow-Origin', '*');
      else if (allowed.includes(origin)) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Vary', 'Origin');
      } else {
        throw new HttpError(403, 'origin_not_allowed', `Origin ${origin} is not in this project's allowedOrigins.`);
      }
    }
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Content-Type, Content-Encoding');
      c.header('Access-Control-Max-Age', '86400');
      return c.body(null, 204);
    }
    await next();
  });
}
