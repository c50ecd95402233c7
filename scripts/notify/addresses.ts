// Where a notification may connect: public internet addresses only. A host in the config (or in a webhook secret)
// could otherwise aim a token, a signature or the subscriber list at the runner itself (loopback), the cloud's
// metadata service (link-local 169.254.169.254), or a private network a self-hosted runner can reach. The check is
// made on the address actually connected to (a DNS lookup inside the connection), so a name that resolves to a
// public address when checked and a private one when used (DNS rebinding) is refused too.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { nonPublicReason } from '../../site/model/public-address.ts';
import { PermanentError } from './secrets.ts';

export { nonPublicReason };

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
