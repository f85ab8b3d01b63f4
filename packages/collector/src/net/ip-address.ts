import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must never reach unless the project allows private targets: this host,
 * private networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, and the
 * reserved, documentation and multicast ranges. IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is matched
 * against the IPv4 ranges by BlockList itself; the IPv6 prefixes that embed an IPv4 address
 * (NAT64, 6to4, Teredo) are refused whole, since they could wrap any of these.
 */
const NON_PUBLIC_RANGES: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001::', 32, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const nonPublic = new BlockList();
for (const [network, prefix, family] of NON_PUBLIC_RANGES) nonPublic.addSubnet(network, prefix, family);

/** `4`, `6`, or 0 when `address` is not an IP literal (brackets of a URL host are accepted). */
export function ipFamily(address: string): 0 | 4 | 6 {
  return isIP(unbracket(address)) as 0 | 4 | 6;
}

/** True for an IP literal in any non-public range above; false for public ones and non-IPs. */
export function isNonPublicAddress(address: string): boolean {
  const ip = unbracket(address);
  const family = isIP(ip);
  if (family === 0) return false;
  return nonPublic.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export function unbracket(address: string): string {
  return address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
}

/** A set of CIDRs (or single addresses), matching IPv4-mapped IPv6 peers as their IPv4 address. */
export function addressSet(cidrs: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix] = cidr.split('/');
    const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
    list.addSubnet(network, prefix === undefined ? (family === 'ipv6' ? 128 : 32) : Number(prefix), family);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}
