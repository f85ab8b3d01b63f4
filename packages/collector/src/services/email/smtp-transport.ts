import type { SmtpConfig } from '@hearth/schema';
import nodemailer from 'nodemailer';

/** One message as handed to the relay. */
export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Stable per send, so a receiving client can tell a repeat (see docs/email.md on crashes). */
  messageId: string;
  headers: Record<string, string>;
}

/** What the relay said: accepted, try again later (4xx, connection trouble), or never (5xx). */
export type SmtpOutcome =
  | { outcome: 'accepted'; messageId: string }
  | { outcome: 'temporary'; error: string }
  | { outcome: 'permanent'; error: string; hardBounce: boolean };

export interface MailTransport {
  send(mail: OutgoingMail): Promise<SmtpOutcome>;
  close(): void;
}

interface SmtpError {
  message?: string;
  responseCode?: number;
  command?: string;
}

/**
 * A permanent refusal is a 5xx reply; one to `RCPT TO` is about the address (a hard bounce, which
 * stops every later send to it). Anything else — a 4xx, a refused or dropped connection, a
 * timeout — may pass, so it is retried.
 */
export function classifySmtpError(error: unknown): SmtpOutcome {
  const e = (error ?? {}) as SmtpError;
  const text = `${e.responseCode ?? ''} ${e.message ?? String(error)}`.trim().slice(0, 500);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600) {
    return { outcome: 'permanent', error: text, hardBounce: /RCPT/i.test(e.command ?? '') };
  }
  return { outcome: 'temporary', error: text };
}

/** nodemailer over the configured relay (pooled connections; DKIM when configured). */
export function smtpTransport(config: SmtpConfig): MailTransport {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    requireTLS: config.requireTLS,
    pool: true,
    maxConnections: 2,
    ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
    ...(config.dkim ? { dkim: config.dkim } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({ ...mail });
        return { outcome: 'accepted', messageId: String(info.messageId ?? mail.messageId) };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    close: () => transport.close(),
  };
}
