// Which failures are worth another try: a receiver that is down or overloaded may answer later; a wrong URL or a
// revoked token never will, and retrying it only delays the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, post, type NetOptions } from '../../scripts/notify/http.ts';
import { withRetries } from '../../scripts/notify/retry.ts';
import { PermanentError } from '../../scripts/notify/secrets.ts';
import { UnsureError } from '../../scripts/notify/unsure.ts';
import { httpReceiver, type HttpReceiver } from '../helpers/receivers.ts';

let http: HttpReceiver;
beforeAll(async () => void (http = await httpReceiver()));
afterAll(async () => http?.close());

const LOOPBACK: NetOptions = { policy: { refuse: (a) => (a === '127.0.0.1' ? undefined : 'not loopback') }, timeoutMs: 1000 };
const send = (path: string) => withRetries({ retries: 3, baseMs: 5 }, () => post({ url: `${http.url}${path}`, headers: {}, body: '{}', source: 'the test' }, LOOPBACK));

describe('delivery retries', () => {
  it('retries 5xx and 429 until the receiver answers', async () => {
    http.fail('/flaky', 503, 2);
    http.fail('/busy', 429, 1);
    await send('/flaky');
    await send('/busy');
    expect(http.requests.filter((r) => r.path === '/flaky').map((r) => r.status)).toEqual([503, 503, 200]);
    expect(http.requests.filter((r) => r.path === '/busy').map((r) => r.status)).toEqual([429, 200]);
  });

  it('gives up at once on a 4xx, with what the receiver said', async () => {
    http.fail('/gone', 404, Infinity);
    await expect(send('/gone')).rejects.toThrow(PermanentError);
    await expect(send('/gone')).rejects.toThrow(/127\.0\.0\.1:\d+ answered 404: receiver told to fail/);
    expect(http.requests.filter((r) => r.path === '/gone')).toHaveLength(2);
  });

  it('never repeats a request that went out unanswered: the receiver may have acted on it', async () => {
    http.reset('/reset', 1);
    http.delay('/slow', 3000, 1);
    await expect(send('/reset')).rejects.toThrow(UnsureError);
    await expect(send('/slow')).rejects.toThrow(/127\.0\.0\.1:\d+ received the request but gave no answer: no answer within 1 s/);
    expect(http.requests.filter((r) => r.path === '/reset' || r.path === '/slow')).toHaveLength(2);
  });

  it('retries a request that never left (nothing listening): the receiver cannot have it', async () => {
    const closed = await httpReceiver();
    await closed.close();
    const tries: number[] = [];
    await expect(withRetries({ retries: 2, baseMs: 1 }, (n) => (tries.push(n), post({ url: `${closed.url}/x`, headers: {}, body: '{}', source: 'the test' }, LOOPBACK)))).rejects.toThrow(/could not reach 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(tries).toEqual([0, 1, 2]);
  });

  it('stops after the configured retries', async () => {
    http.fail('/down', 500, Infinity);
    await expect(send('/down')).rejects.toThrow(/answered 500/);
    expect(http.requests.filter((r) => r.path === '/down')).toHaveLength(4);
  });

  it('refuses plain http to anything but this machine: a webhook URL is a credential', () => {
    expect(() => checkUrl('http://hooks.example.com/x', 'SLACK_URL')).toThrow(/SLACK_URL must be an https:\/\/ URL/);
    expect(() => checkUrl('not a url', 'SLACK_URL')).toThrow(/SLACK_URL is not a URL/);
    expect(checkUrl('http://127.0.0.1:8080/hook', 'HOOK').host).toBe('127.0.0.1:8080');
    expect(checkUrl('https://hooks.slack.com/services/T/B/X', 'SLACK_URL').protocol).toBe('https:');
  });
});
