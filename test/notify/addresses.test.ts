// Where a notification may connect: public internet addresses only, checked on every address a name resolves to,
// and at connection time (scripts/notify/addresses.ts). Only a test passes a policy that lets loopback through.
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { allowedAddresses, guardedLookup, nonPublicReason, PUBLIC_ONLY } from '../../scripts/notify/addresses.ts';
import { post, PRODUCTION_NET } from '../../scripts/notify/http.ts';
import { PermanentError, secretsFromEnv } from '../../scripts/notify/secrets.ts';

/** A resolver that answers from a table, as DNS would. */
const fakeDns = (table: Record<string, string[]>) => (host: string, callback: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void) =>
  table[host] ? callback(null, table[host]!.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))) : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);

describe('public addresses', () => {
  it('refuses loopback, private, link-local, CGNAT, unique-local and other special ranges, IPv4 and IPv6', () => {
    const refused = {
      '127.0.0.1': 'a loopback address', '10.1.2.3': 'a private address', '172.16.0.1': 'a private address', '172.31.255.255': 'a private address', '192.168.1.1': 'a private address',
      '169.254.169.254': 'a link-local address', '100.64.0.1': 'a carrier-grade NAT (shared) address', '0.0.0.0': 'an unspecified ("this network") address', '224.0.0.1': 'a multicast address',
      '255.255.255.255': 'a reserved address', '198.18.0.1': 'a benchmarking address', '::1': 'a loopback address', 'fe80::1': 'a link-local address', 'fd00::1': 'a unique-local (private) address',
      '::ffff:10.0.0.1': 'a private address', '::ffff:127.0.0.1': 'a loopback address', '::': 'a non-global IPv6 address', '2001:db8::1': 'a documentation address',
    };
    for (const [address, reason] of Object.entries(refused)) expect([address, nonPublicReason(address)]).toEqual([address, reason]);
    for (const address of ['1.1.1.1', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) expect([address, nonPublicReason(address)]).toEqual([address, undefined]);
  });

  it('checks every address a name resolves to, naming the host, the address, where the value came from and the fix', async () => {
    const dns = fakeDns({ 'metadata.example': ['169.254.169.254'], 'mixed.example': ['93.184.215.14', '10.0.0.8'], 'public.example': ['93.184.215.14'] });
    const where = 'candor.config.yaml notifications.channels.0.instance';
    await expect(allowedAddresses('metadata.example', PUBLIC_ONLY, where, dns)).rejects.toThrow('candor.config.yaml notifications.channels.0.instance: metadata.example resolves to 169.254.169.254, a link-local address; notifications go only to public internet hosts. Fix: point it at the service\'s public https:// address');
    await expect(allowedAddresses('mixed.example', PUBLIC_ONLY, where, dns)).rejects.toThrow(/mixed\.example resolves to 10\.0\.0\.8, a private address/);
    await expect(allowedAddresses('[fd12::1]', PUBLIC_ONLY, where, dns)).rejects.toThrow(/fd12::1 is a unique-local \(private\) address/);
    await expect(allowedAddresses('public.example', PUBLIC_ONLY, where, dns)).resolves.toEqual([{ address: '93.184.215.14', family: 4 }]);
    await expect(allowedAddresses('nowhere.example', PUBLIC_ONLY, where, dns)).rejects.toThrow(/could not resolve nowhere\.example/);
  });

  it('checks again when connecting, so a name that changes its answer (DNS rebinding) is refused there too', async () => {
    let answer = '93.184.215.14';
    const lookup = guardedLookup(PUBLIC_ONLY, 'the secret CANDOR_NOTIFY_HOOK_URL', (_host, cb) => cb(null, [{ address: answer, family: 4 }]));
    const connect = () => new Promise<string>((resolve, reject) => lookup('rebind.example', {}, (e, address) => (e ? reject(e) : resolve(address as string))));
    await expect(connect()).resolves.toBe('93.184.215.14');
    answer = '127.0.0.1';
    await expect(connect()).rejects.toThrow(PermanentError);
  });

  it('refuses this machine in production, by address and by name, before anything is sent', async () => {
    const source = 'the secret CANDOR_NOTIFY_HOOK_URL (candor.config.yaml notifications.channels.0.url_secret, channel hook)';
    await expect(post({ url: 'http://127.0.0.1:9/hook', headers: {}, body: '{}', source }, PRODUCTION_NET)).rejects.toThrow(`${source}: 127.0.0.1 is a loopback address`);
    await expect(post({ url: 'https://localhost:9/hook', headers: {}, body: '{}', source }, PRODUCTION_NET)).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    await expect(post({ url: 'https://[::1]:9/hook', headers: {}, body: '{}', source }, PRODUCTION_NET)).rejects.toThrow(/::1 is a loopback address/);
  });
});

describe('secret lookup', () => {
  it('answers only for names declared for notifications (CANDOR_NOTIFY_…), never from the rest of the environment', () => {
    const lookup = secretsFromEnv({
      PATH: '/usr/bin', NPM_TOKEN: 'npm_secret', GH_TOKEN: 'ghp_secret', ORG_DEPLOY_KEY: 'k',
      CANDOR_SECRETS: JSON.stringify({ NPM_TOKEN: 'from json', CANDOR_NOTIFY_FROM_JSON: 'j' }),
      CANDOR_VARS: JSON.stringify({ SOME_VARIABLE: 'v' }),
      CANDOR_SECRET_NAMES: '["CANDOR_NOTIFY_SLACK_URL","GH_TOKEN"]', CANDOR_SECRET_1: 'https://hooks.slack.com/services/x', CANDOR_SECRET_2: 'slot',
      CANDOR_NOTIFY_LOCAL: 'exported',
    });
    for (const name of ['PATH', 'NPM_TOKEN', 'GH_TOKEN', 'ORG_DEPLOY_KEY', 'SOME_VARIABLE', 'CANDOR_SECRET_1', 'CANDOR_SECRETS', 'github_token']) expect([name, lookup(name)]).toEqual([name, undefined]);
    expect(lookup('CANDOR_NOTIFY_SLACK_URL')).toBe('https://hooks.slack.com/services/x');
    expect(lookup('CANDOR_NOTIFY_FROM_JSON')).toBe('j');
    expect(lookup('CANDOR_NOTIFY_LOCAL')).toBe('exported');
  });
});
