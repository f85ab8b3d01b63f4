import type { TrustedProxyConfig } from '@hearth/schema';
import { addressSet, ipFamily } from './ip-address.js';

/**
 * The client's address for rate limits and sign-in throttling, from the socket's peer address and
 * `X-Forwarded-For`. With no trusted proxy (the default) the header is never read: anyone can
 * write it. Otherwise the chain `X-Forwarded-For…, socket` is walked from the right, skipping
 * `hops` addresses and then any address inside `cidrs`; the first address not skipped is the
 * client. Walking from the right means a browser's own (forged) entries, always on the left of
 * what the trusted proxies appended, are never reached while a proxy stands in front.
 */
export function clientAddressResolver(trust: TrustedProxyConfig): (socketAddress: string, forwardedFor: string | undefined) => string {
  const trusted = addressSet(trust.cidrs);
  if (trust.hops === 0 && trust.cidrs.length === 0) return (socketAddress) => socketAddress;
  return (socketAddress, forwardedFor) => {
    const chain = [
      ...(forwardedFor ?? '')
        .split(',')
        .map(withoutPort)
        .filter((part) => part !== ''),
      socketAddress,
    ];
    let index = chain.length - 1;
    for (let skipped = 0; skipped < trust.hops && index > 0; skipped += 1) index -= 1;
    while (index > 0 && trusted(chain[index] ?? '')) index -= 1;
    const candidate = chain[index] ?? socketAddress;
    // A proxy appends the peer it saw, always an IP; anything else is not an address to key on.
    return ipFamily(candidate) === 0 ? socketAddress : candidate;
  };
}

/** Some proxies append `1.2.3.4:5678` or `[2001:db8::1]:5678`; the port is not part of the client. */
function withoutPort(entry: string): string {
  const part = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(part);
  if (bracketed) return bracketed[1] ?? part;
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(part);
  return v4WithPort?.[1] ?? part;
}
