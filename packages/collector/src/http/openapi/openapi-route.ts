import { Hono } from 'hono';
import { openApiDocument } from './document.js';

/** `GET /openapi.json`: the document, built from the schemas once, on first request. */
export function openApiRoutes() {
  let document: string | undefined;
  return new Hono().get('/openapi.json', (c) => {
    document ??= JSON.stringify(openApiDocument());
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'public, max-age=300' });
  });
}
