// Exactly once, including after failures, on the path CI really runs: the notify job's own steps (site-deploy.yml),
// the same `--attempt`/`--reserve` sequence, re-runs as new attempts and pushes as new runs, against loopback
// receivers that fail on purpose (503, connection reset, an answer that comes too late).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageId } from '../../scripts/notify/channels/types.ts';
import { httpReceiver, type HttpReceiver } from '../helpers/receivers.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';
import { TIMEOUT_MS } from './loopback-cli.ts';
import { workflow, type Workflow } from './workflow.ts';

const INC = 'incidents/2026-11-23-api';
const U1 = `${INC}/2026-11-23T0905Z`;
const U2 = `${INC}/2026-11-23T0940Z`;
const U3 = `${INC}/2026-11-23T1030Z`;
const BODIES: Record<string, string> = { [U1]: 'Some requests fail.', [U2]: 'We found the fault.', [U3]: 'Fixed since 10:20.' };
const SIGNING = `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`;

let http: HttpReceiver;
let flow: Workflow;
/** The requests a receiver had for one update: each message's id (webhook-id) and chat text name its update. */
const got = (path: '/chat' | '/hook', update: string) =>
  http.requests.filter((r) => r.path === path && (path === '/hook' ? r.headers['webhook-id'] === `msg_${messageId(update.slice('incidents/'.length), 'hook').slice(0, 32)}` : r.body.includes(BODIES[update]!)));
const position = () => JSON.parse(flow.ledgerFile('position.json') ?? '{}').commit as string | undefined;

beforeAll(async () => {
  http = await httpReceiver();
  flow = workflow(
    `${MINIMAL_CONFIG}notifications:\n  retries: 2\n  channels:\n    - { id: chat, type: slack, url_secret: CANDOR_NOTIFY_CHAT_URL }\n    - { id: hook, type: webhook, url_secret: CANDOR_NOTIFY_HOOK_URL, signing_secret: CANDOR_NOTIFY_HOOK_SECRET }\n`,
    { CANDOR_NOTIFY_CHAT_URL: `${http.url}/chat`, CANDOR_NOTIFY_HOOK_URL: `${http.url}/hook`, CANDOR_NOTIFY_HOOK_SECRET: SIGNING },
  );
});
afterAll(async () => http?.close());

describe('the notify job, run after run', () => {
  let first: string;
  let second: string;

  it('records a message that certainly failed (503 after retries), and the re-run tries it again instead of calling it unsure', async () => {
    http.fail('/chat', 503, Infinity);
    first = flow.push({
      [`${INC}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }),
      [`${U1}.md`]: md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, BODIES[U1]),
    });
    const a = await flow.attempt(77, 1);
    expect(a.steps['Send new updates']).toMatch(/^FAILED[\s\S]*failed +chat ← 2026-11-23-api\/2026-11-23T0905Z: 127\.0\.0\.1:\d+ answered 503/);
    // The advice is what works in Actions: a re-run or the next push, not a flag nobody can pass there.
    expect(a.steps['Send new updates']).toContain('1 message(s) not delivered; they are recorded as failed and sent by the next run: re-run the notify job (in GitHub Actions: Re-run failed jobs) or push again');
    expect(a.summary).toContain('**Not delivered: 1 message(s).** They are recorded as failed in the ledger, and the next run sends them');
    expect(got('/chat', U1).map((r) => r.status)).toEqual([503, 503, 503]);
    expect(http.delivered('/hook')).toHaveLength(1);
    expect(flow.ledgerFile('deliveries.jsonl')).toMatch(/"channel":"chat","state":"failed","attempt":"77\.1"/);
    // The first run fixed where the ledger starts (the push's previous head), and did not move past the failure.
    expect(position()).not.toBe(first);

    // The re-run (a new attempt of the same run) reserves it again and sends it; the receiver is still down.
    const b = await flow.attempt(77, 2);
    expect(b.steps['Reserve what this run will send']).toMatch(/reserved +chat ← 2026-11-23-api\/2026-11-23T0905Z/);
    expect(b.steps['Send new updates']).toMatch(/^FAILED[\s\S]*failed +chat ← 2026-11-23-api\/2026-11-23T0905Z/);
    expect(b.steps['Send new updates']).not.toMatch(/unsure|all delivered/);
    expect(got('/chat', U1)).toHaveLength(6);
    expect(http.delivered('/hook')).toHaveLength(1);
    expect(position()).not.toBe(first);
  });

  it('sends it with the next push, before that push\'s own update, retrying a 503 that passes; nothing twice', async () => {
    http.clearFailures();
    http.fail('/hook', 503, 1);
    second = flow.push({ [`${U2}.md`]: md({ status: 'identified', next_update: '2026-11-23T11:00:00Z' }, BODIES[U2]) });
    const c = await flow.attempt(78, 1);
    expect(c.steps['Send new updates']).toMatch(/sent +chat ← 2026-11-23-api\/2026-11-23T0905Z\nsent +chat ← 2026-11-23-api\/2026-11-23T0940Z/);
    expect(c.steps['Send new updates']).toMatch(/hook: 2026-11-23-api\/2026-11-23T0940Z: 127\.0\.0\.1:\d+ answered 503: receiver told to fail; retry 1 of 2/);
    expect(c.steps['Send new updates']).toContain(`all delivered; ledger position is now ${second.slice(0, 7)}`);
    expect(c.summary).toContain(`Everything was delivered; the ledger now starts from ${second.slice(0, 7)}.`);
    expect(http.delivered('/chat').map((r) => JSON.parse(r.body).blocks[1].elements[0].text)).toEqual([expect.stringMatching(/^Investigating/), expect.stringMatching(/^Identified/)]);
    expect(got('/hook', U1).filter((r) => r.status === 200)).toHaveLength(1);
    expect(got('/hook', U2).map((r) => r.status)).toEqual([503, 200]);
    expect(position()).toBe(second);
    expect(first).not.toBe(second);
  });

  it('never repeats a request that went out unanswered (connection reset, an answer too late): unsure, held until a person settles it', async () => {
    http.reset('/chat', 1);
    http.delay('/hook', TIMEOUT_MS * 2, 1);
    const third = flow.push({ [`${U3}.md`]: md({ status: 'resolved' }, BODIES[U3]) });
    const d = await flow.attempt(79, 1);
    const out = d.steps['Send new updates']!;
    expect(out).toMatch(/^FAILED[\s\S]*unsure +chat ← 2026-11-23-api\/2026-11-23T1030Z: 127\.0\.0\.1:\d+ received the request but gave no answer: socket hang up/);
    expect(out).toMatch(/unsure +hook ← 2026-11-23-api\/2026-11-23T1030Z: 127\.0\.0\.1:\d+ received the request but gave no answer: no answer within 2 s/);
    expect(out).toContain('--arrived chat:2026-11-23-api/2026-11-23T1030Z --arrived hook:2026-11-23-api/2026-11-23T1030Z');
    expect(out).not.toContain('all delivered');
    expect(d.summary).toContain('**Unsure: 2 message(s)**');
    // One request each: not retried, since the receiver may have acted on it.
    expect(got('/chat', U3)).toHaveLength(1);
    expect(got('/hook', U3)).toHaveLength(1);
    expect(position()).toBe(second);

    // A re-run sends neither again and still says so.
    const e = await flow.attempt(79, 2);
    expect(e.steps['Send new updates']).toMatch(/^FAILED[\s\S]*unsure +chat ← 2026-11-23-api\/2026-11-23T1030Z/);
    expect(got('/chat', U3)).toHaveLength(1);
    expect(got('/hook', U3)).toHaveLength(1);
    expect(position()).toBe(second);

    // On call: the hook's message arrived, the chat's did not. Recorded on the ledger branch, as the report says.
    const settled = flow.onLedger('npx candor notify --ledger . --arrived hook:2026-11-23-api/2026-11-23T1030Z --lost chat:2026-11-23-api/2026-11-23T1030Z && git commit --quiet -am "Settle unsure notifications" && git push --quiet origin HEAD:candor-ledger');
    expect(settled).toContain('chat:2026-11-23-api/2026-11-23T1030Z: recorded as failed; the next run sends it');
    expect(() => flow.onLedger('npx candor notify --ledger . --lost chat:2026-11-23-api/2026-11-23T0905Z')).toThrow(/chat:2026-11-23-api\/2026-11-23T0905Z is sent, not unsure: only unsure messages are settled by hand/);

    const f = await flow.attempt(79, 3);
    expect(f.steps['Send new updates']).toMatch(/sent +chat ← 2026-11-23-api\/2026-11-23T1030Z/);
    expect(f.steps['Send new updates']).toMatch(/already-sent +hook ← 2026-11-23-api\/2026-11-23T1030Z/);
    expect(got('/chat', U3).map((r) => r.status)).toEqual([0, 200]);
    expect(got('/hook', U3)).toHaveLength(1);
    expect(position()).toBe(third);
  });

  it('never moves the position back: a re-run of an older commit after a newer run', async () => {
    const newest = position()!;
    const before = http.requests.length;
    const old = await flow.attempt(78, 2, second);
    expect(old.steps['Send new updates']).not.toMatch(/^FAILED/);
    expect(old.steps['Send new updates']).toContain(`the ledger is at ${newest.slice(0, 7)}, which already includes ${second.slice(0, 7)}: nothing to announce`);
    expect(position()).toBe(newest);
    expect(http.requests.length).toBe(before);
  });
});
