import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the local catcher accepted. */
export interface CaughtMail {
  at: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  listUnsubscribe: string;
}

/** The newest this many messages are kept: a demo, not a mail server. */
const KEPT = 200;

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * The demo's "outside world" for email: a local SMTP server (the `smtp-server` package) that
 * accepts whatever the collector sends and keeps it in memory, so `pnpm start` shows real lifecycle
 * email without any outside service.
 */
export async function startMailbox(host = '127.0.0.1') {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
          mails.unshift({
            at: (mail.date ?? new Date()).toISOString(),
            from: mail.from?.text ?? '',
            to: mail.to && !Array.isArray(mail.to) ? mail.to.text : '',
            subject: mail.subject ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            text: mail.text ?? '',
            listUnsubscribe: header('list-unsubscribe'),
          });
          mails.length = Math.min(mails.length, KEPT);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    /**
     * The Mailbox page: each message's headers and its text part, with the HTML part in a sandboxed
     * frame (no scripts, no same-origin access) exactly as the collector rendered it.
     */
    page(): string {
      const items = mails
        .map(
          (m, i) =>
            `<article class="mail" data-to="${escape(m.to)}"><h2>${escape(m.subject)}</h2>` +
            `<p class="meta">To <strong>${escape(m.to)}</strong> · from ${escape(m.from)} · ${escape(m.at)}</p>` +
            `<details${i === 0 ? ' open' : ''}><summary>HTML part</summary><iframe title="${escape(m.subject)}" sandbox srcdoc="${escape(m.html)}"></iframe></details>` +
            `<details><summary>Text part</summary><pre>${escape(m.text)}</pre></details>` +
            `<p class="meta">List-Unsubscribe: ${escape(m.listUnsubscribe)}</p></article>`,
        )
        .join('');
      return (
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mailbox · Acme Projects</title>` +
        `<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#18181b}` +
        `.mail{border:1px solid #e4e4e7;border-radius:8px;padding:1rem;margin:1rem 0}.meta{color:#52525b;font-size:.875rem}` +
        `iframe{width:100%;height:32rem;border:1px solid #e4e4e7;border-radius:6px}pre{white-space:pre-wrap}</style></head>` +
        `<body><h1>Mailbox</h1><p>Every email the collector sent through the local SMTP catcher (port ${port}), newest first. ` +
        `Refresh after a few seconds: the collector plans and sends every few seconds.</p>` +
        `${items || '<p id="empty">Nothing sent yet.</p>'}</body></html>`
      );
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;
