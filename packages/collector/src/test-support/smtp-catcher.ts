import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An SMTP reply the catcher gives to `RCPT TO` for an address, instead of accepting it. */
export interface RcptReply {
  code: number;
  message: string;
  /** How many times to give it (then accept); absent means always. */
  times?: number;
}

/**
 * A real SMTP server in-process (the `smtp-server` package) that keeps every accepted message,
 * parsed by `mailparser`, and answers chosen recipients with chosen 4xx/5xx codes.
 */
export async function startSmtpCatcher(options: { port?: number } = {}) {
  const messages: ParsedMail[] = [];
  /** `holdNext`: the next message's DATA is kept unanswered until the test decides. */
  let hold: { reached: () => void; decision: Promise<'accept' | 'drop'> } | null = null;
  const replies = new Map<string, RcptReply>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled client connections would hold close() for its default 30 s.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      const reply = replies.get(address.address.toLowerCase());
      if (reply && (reply.times === undefined || reply.times > 0)) {
        if (reply.times !== undefined) reply.times -= 1;
        return callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      const held = hold;
      hold = null;
      simpleParser(stream)
        .then(async (mail) => {
          held?.reached();
          // A message is the relay's only once it answered 250: a dropped one was never accepted.
          if (held && (await held.decision) === 'drop') return callback(new Error('dropped'));
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    smtp: { host: '127.0.0.1', port, secure: false, requireTLS: false },
    messages,
    /** Answers `RCPT TO:<address>` with `reply` (its `times`, or always). */
    reply(address: string, reply: RcptReply) {
      replies.set(address.toLowerCase(), reply);
    },
    /**
     * Keeps the next message's DATA unanswered: resolves `reached` once it is in, and answers as
     * `decide` is then told (the crash test kills the sender in between).
     */
    holdNext() {
      let reached!: () => void;
      let decide!: (d: 'accept' | 'drop') => void;
      const inside = new Promise<void>((resolve) => (reached = resolve));
      hold = { reached, decision: new Promise((resolve) => (decide = resolve)) };
      return { reached: inside, decide };
    },
    /** A header exactly as sent (mailparser turns List-* headers into objects). */
    header: (mail: ParsedMail, name: string) =>
      mail.headerLines
        .find((h) => h.key === name.toLowerCase())
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\r?\n\s+/g, ' '),
    to: (address: string) => messages.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((v) => v.address === address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpCatcher = Awaited<ReturnType<typeof startSmtpCatcher>>;
