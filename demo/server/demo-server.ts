import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiRoutes } from './api-routes.js';
import { loadDemoProject } from './demo-project.js';
import { createFulfilment, type FulfilmentReceipt } from './fulfilment.js';
import { createSurveyFollowUps, type DetractorNotice } from './survey-followups.js';
import { HttpError, sendError } from './http-utils.js';
import { loadSnippet, renderAppShell, scriptHashSource } from './app-shell.js';
import { strictCsp } from './csp.js';
import { readPageVariant } from './page-variant.js';
import { demoPaths } from './paths.js';
import { isAppRoute, readStaticFile } from './static-files.js';

export type DemoServerOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Where the collector listens; the page loads `${collectorUrl}/sdk/hearth.js` from it. */
  collectorUrl: string;
  /** The project's public key, pasted into the page. */
  projectKey: string;
  /** The project's secret key, used only here to mint user tokens. */
  secret: string;
  /** Epoch ms the tokens are minted at; default `Date.now`. Tests that move the collector's clock share it. */
  clock?: () => number;
  /** The local SMTP catcher whose messages `/mailbox` lists. */
  mailbox?: { page(): string };
};

export type DemoServer = {
  url: string;
  port: number;
  /** The rewards fulfilment webhooks this backend received (and reported back). */
  fulfilments(): FulfilmentReceipt[];
  /** Detractor survey responses the signed survey webhook reported (verified). */
  detractors(): DetractorNotice[];
  close(): Promise<void>;
};

/** A wildcard bind address is not something a browser can open. */
function shownHost(host: string | undefined): string {
  return host === undefined || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/** Serves "Acme Projects": its static pages with the Hearth snippet, and its tiny sign-in API. */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const snippet = await loadSnippet(demoPaths.snippetFile);
  const fulfilment = createFulfilment({ collectorUrl: options.collectorUrl, secret: options.secret });
  const surveys = createSurveyFollowUps(loadDemoProject().project.webhooks.flatMap((webhook) => webhook.secrets));
  const api = createApiRoutes(options.secret, fulfilment, surveys, options.clock);
  const shell = { snippet, coreUrl: `${options.collectorUrl}/sdk/hearth.js`, projectKey: options.projectKey };
  const collectorOrigin = new URL(options.collectorUrl).origin;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://demo.invalid');
    if (await api(req, res, pathname)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed here`);
    if (pathname === '/mailbox' && options.mailbox) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(options.mailbox.page());
      return;
    }
    if (pathname === '/' || isAppRoute(pathname)) {
      const variant = readPageVariant(searchParams);
      const { html, installScript } = await renderAppShell(demoPaths.publicDir, shell, variant);
      const csp = variant.strictCsp
        ? { 'Content-Security-Policy': strictCsp({ collectorOrigin, inlineScriptHash: scriptHashSource(installScript) }) }
        : {};
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...csp });
      res.end(html);
      return;
    }
    const file = await readStaticFile(demoPaths.publicDir, pathname);
    if (!file) throw new HttpError(404, 'not_found', `no file at ${pathname}`);
    res.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
    res.end(file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof HttpError) return sendError(res, error);
      console.error('[demo] request failed:', error);
      sendError(res, new HttpError(500, 'internal', 'the demo server failed; see its log'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${shownHost(options.host)}:${port}`,
    port,
    fulfilments: fulfilment.receipts,
    detractors: surveys.notices,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive browser connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
