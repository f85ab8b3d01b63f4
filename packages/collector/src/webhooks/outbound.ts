import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { ipFamily, isNonPublicAddress, unbracket } from '../net/ip-address.js';

/** Every address a name resolves to (the system resolver by default; tests pass a stub). */
export type Resolver = (hostname: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export interface OutboundPolicy {
  /** The project's explicit opt-out (`allowPrivateWebhookTargets`): loopback and private targets allowed. */
  allowPrivate: boolean;
  resolve?: Resolver;
}

export interface OutboundRequest {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** What came back: the status and `Retry-After`; the body is discarded. */
export interface OutboundResponse {
  status: number;
  retryAfter: string | null;
  location: string | null;
}

/** The request was refused before any connection: retrying cannot help. */
export class OutboundRefused extends Error {
  override name = 'OutboundRefused';
}

const systemResolver: Resolver = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

/**
 * The one way the collector sends HTTP to a URL someone configured (every webhook). It never
 * follows a redirect (a 3xx is returned as is: the signed body must reach the configured receiver
 * or nobody), and unless the project allows private targets it refuses to connect to a loopback,
 * private, link-local, CGNAT or metadata address: an IP literal before connecting, a name through
 * the socket's `lookup`, so the address checked is the address connected to (a name that resolved
 * to a public address when configured and to 169.254.169.254 now is refused: DNS rebinding).
 */
export function postOutbound(url: string, request: OutboundRequest, policy: OutboundPolicy): Promise<OutboundResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : target.protocol === 'http:' ? httpRequest : undefined;
  if (!send) return Promise.reject(new OutboundRefused(`${target.protocol} is not http: or https:`));
  const host = unbracket(target.hostname);
  if (!policy.allowPrivate && ipFamily(host) !== 0 && isNonPublicAddress(host)) return Promise.reject(refusal(host, host));
  return new Promise((resolve, reject) => {
    const req = send(target, {
      method: 'POST',
      headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
      lookup: guardedLookup(policy),
      // A socket of its own: a pooled one could have been opened under another policy.
      agent: false,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    req.once('response', (res) => {
      res.resume();
      const header = (name: string) => {
        const value = res.headers[name];
        return (Array.isArray(value) ? value[0] : value) ?? null;
      };
      resolve({ status: res.statusCode ?? 0, retryAfter: header('retry-after'), location: header('location') });
    });
    req.once('error', reject);
    req.end(request.body);
  });
}

function refusal(hostname: string, address: string): OutboundRefused {
  const via = hostname === address ? address : `${hostname} (resolves to ${address})`;
  return new OutboundRefused(
    `refused to connect to ${via}: a loopback, private, link-local or reserved address; allowPrivateWebhookTargets is off`,
  );
}

/** A `lookup` for the socket that refuses non-public addresses (every one the name resolves to). */
function guardedLookup(policy: OutboundPolicy): LookupFunction {
  const resolve = policy.resolve ?? systemResolver;
  return (hostname, options, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const blocked = policy.allowPrivate ? undefined : addresses.find((entry) => isNonPublicAddress(entry.address));
      if (blocked) return callback(refusal(hostname, blocked.address), '', 0);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
