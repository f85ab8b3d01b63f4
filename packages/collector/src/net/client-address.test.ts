import { trustedProxySchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { clientAddressResolver } from './client-address.js';

const resolver = (trust: Record<string, unknown>) => clientAddressResolver(trustedProxySchema.parse(trust));

describe('clientAddressResolver', () => {
  it('never reads X-Forwarded-For when no proxy is trusted', () => {
    const resolve = resolver({});
    expect(resolve('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(resolve('203.0.113.9', undefined)).toBe('203.0.113.9');
  });

  it('with hops, takes the address that many steps left of the socket, ignoring what the browser prepended', () => {
    const resolve = resolver({ hops: 1 });
    expect(resolve('10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    expect(resolve('10.0.0.2', 'forged-by-browser, 1.1.1.1, 198.51.100.7')).toBe('198.51.100.7');
    expect(resolve('10.0.0.2', '198.51.100.7:51234')).toBe('198.51.100.7');
    expect(resolver({ hops: 2 })('10.0.0.2', '1.1.1.1, 198.51.100.7, 10.0.0.3')).toBe('198.51.100.7');
  });

  it('with CIDRs, skips trusted proxies from the right and stops at the first other address', () => {
    const resolve = resolver({ cidrs: ['10.0.0.0/8', '2001:db8::/32'] });
    expect(resolve('10.0.0.2', '1.1.1.1, 198.51.100.7, 10.9.9.9')).toBe('198.51.100.7');
    expect(resolve('::ffff:10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    expect(resolve('2001:db8::5', '[2001:db8:ffff::1]:443, 2a00::1')).toBe('2a00::1');
    // A peer outside the trusted ranges is the client, whatever it claims.
    expect(resolve('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
    // Garbage where a proxy's entry should be is not a key: fall back to the socket.
    expect(resolve('10.0.0.2', 'not-an-ip')).toBe('10.0.0.2');
  });

  it('refuses settings that are not addresses, naming the field', () => {
    const parsed = trustedProxySchema.safeParse({ cidrs: ['10.0.0.0/8', 'proxy.local'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['cidrs', 1]);
  });
});
