// Which IP addresses are on the public internet. Notifications go only there (scripts/notify/addresses.ts checks
// every address a host resolves to, when sending), and the config's schema refuses a literal address outside it
// at once. Pure: node:net's BlockList and isIP only, no lookups.
import { BlockList, isIP } from 'node:net';

/** IPv6 is checked against an allow-list: only global unicast (2000::/3) is routable on the internet. */
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

/**
 * Special-purpose ranges (IANA's IPv4 and IPv6 special-purpose registries) that are not the public internet,
 * with the word an error message uses for each. IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are matched against
 * the IPv4 rules by BlockList itself.
 */
const SPECIAL: [address: string, prefix: number, family: 'ipv4' | 'ipv6', kind: string][] = [
  ['0.0.0.0', 8, 'ipv4', 'an unspecified ("this network")'],
  ['10.0.0.0', 8, 'ipv4', 'a private'],
  ['100.64.0.0', 10, 'ipv4', 'a carrier-grade NAT (shared)'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local'],
  ['172.16.0.0', 12, 'ipv4', 'a private'],
  ['192.0.0.0', 24, 'ipv4', 'an IETF protocol'],
  ['192.0.2.0', 24, 'ipv4', 'a documentation'],
  ['192.88.99.0', 24, 'ipv4', 'a 6to4 relay'],
  ['192.168.0.0', 16, 'ipv4', 'a private'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'a documentation'],
  ['203.0.113.0', 24, 'ipv4', 'a documentation'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved'],
  ['::1', 128, 'ipv6', 'a loopback'],
  ['fe80::', 10, 'ipv6', 'a link-local'],
  ['fc00::', 7, 'ipv6', 'a unique-local (private)'],
  ['2001::', 23, 'ipv6', 'an IETF protocol (Teredo, ORCHID…)'],
  ['2001:db8::', 32, 'ipv6', 'a documentation'],
  ['2002::', 16, 'ipv6', 'a 6to4'],
];

const lists = SPECIAL.map(([address, prefix, family, kind]) => {
  const list = new BlockList();
  list.addSubnet(address, prefix, family);
  return { list, kind };
});

/** Why an address is not on the public internet ("a private address"), or undefined when it is. */
export function nonPublicReason(address: string): string | undefined {
  const family = isIP(address);
  if (!family) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { list, kind } of lists) if (list.check(address, type)) return `${kind} address`;
  if (family === 6 && !GLOBAL_UNICAST.check(address, 'ipv6')) return 'a non-global IPv6 address';
  return undefined;
}

