// Where a notification may connect: public internet addresses only. A host in the config (or in a webhook secret)
// could otherwise aim a token, a signature or the subscriber list at the runner itself (loopback), the cloud's
// metadata service (link-local 169.254.169.254), or a private network a self-hosted runner can reach. The check is
// made on the address actually connected to (a DNS lookup inside the connection), so a name that resolves to a
// public address when checked and a private one when used (DNS rebinding) is refused too.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { PermanentError } from './secrets.ts';

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

/**
 * Which addresses this run may connect to. Production code uses `PUBLIC_ONLY`; only a test, through the notify
 * command's injected options, passes a policy that lets loopback receivers through.
 */
export interface AddressPolicy {
  /** Why `address` is refused, or undefined when it may be used. */
  refuse(address: string): string | undefined;
}

export const PUBLIC_ONLY: AddressPolicy = { refuse: nonPublicReason };

/** The error for a refused host, naming where its value came from and what to do. */
export function refusedHost(host: string, address: string, reason: string, source: string): PermanentError {
  const resolved = host === address ? `is ${reason}` : `resolves to ${address}, ${reason}`;
  return new PermanentError(`${source}: ${host} ${resolved}; notifications go only to public internet hosts. Fix: point it at the service's public https:// address (see the Security page: "Where notifications may connect")`);
}

type Resolve = (host: string, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;
const systemResolve: Resolve = (host, callback) => dnsLookup(host, { all: true, verbatim: true }, callback);

/** The host's name without the brackets URLs put around IPv6 literals. */
export const bareHost = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/**
 * A `lookup` for node:http, node:tls and nodemailer: resolves as usual, then refuses the connection when any address
 * the name resolves to is not allowed (all of them, not only the first: the client may fall back to another).
 */
export function guardedLookup(policy: AddressPolicy, source: string, resolve: Resolve = systemResolve): LookupFunction {
  return ((host: string, options: { all?: boolean }, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(host, (error, addresses) => {
      if (error) return callback(error, '', 0);
      for (const a of addresses) {
        const reason = policy.refuse(a.address);
        if (reason) return callback(refusedHost(host, a.address, reason, source), '', 0);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as LookupFunction;
}

/**
 * The addresses a host may be connected to: a literal is checked as it is (connections to a literal skip the
 * lookup), a name is resolved and every address checked. Throws a PermanentError naming `source` when refused.
 */
export async function allowedAddresses(host: string, policy: AddressPolicy, source: string, resolve: Resolve = systemResolve): Promise<LookupAddress[]> {
  const bare = bareHost(host);
  const family = isIP(bare);
  if (family) {
    const reason = policy.refuse(bare);
    if (reason) throw refusedHost(bare, bare, reason, source);
    return [{ address: bare, family }];
  }
  return new Promise((done, fail) => {
    guardedLookup(policy, source, resolve)(bare, { all: true }, (error, addresses) => {
      if (error) fail(error instanceof PermanentError ? error : new Error(`could not resolve ${bare}: ${error.message}`));
      else done(addresses as LookupAddress[]);
    });
  });
}
