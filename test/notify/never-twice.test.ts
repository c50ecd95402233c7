// Never twice: the notify job's own steps (site-deploy.yml), run for real against a local origin and loopback receivers.
// The final ledger push is rejected after every message went out; the re-run of the job must send nothing again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpReceiver, type HttpReceiver } from '../helpers/receivers.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';
import { NOTIFY_STEPS, workflow } from './workflow.ts';

const INC = 'incidents/2026-11-23-api';

let http: HttpReceiver;
beforeAll(async () => void (http = await httpReceiver()));
afterAll(async () => http?.close());

describe('the notify job when the ledger push fails', () => {
  it('sends each message once: a re-run after the rejected push reports them unsure and sends none again', async () => {
    const flow = workflow(`${MINIMAL_CONFIG}notifications:\n  retries: 0\n  channels:\n    - { id: chat, type: slack, url_secret: CANDOR_NOTIFY_SLACK_URL }\n    - { id: hook, type: webhook, url_secret: CANDOR_NOTIFY_HOOK_URL, signing_secret: CANDOR_NOTIFY_HOOK_SECRET }\n`, {
      CANDOR_NOTIFY_SLACK_URL: `${http.url}/chat`,
      CANDOR_NOTIFY_HOOK_URL: `${http.url}/hook`,
      CANDOR_NOTIFY_HOOK_SECRET: `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}`,
    });
    flow.push({
      [`${INC}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }),
      [`${INC}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Some requests fail.'),
    });

    // The first attempt: reservations saved, everything sent, then the ledger push is rejected.
    flow.rejectFinalPush(true);
    const first = await flow.attempt(77, 1);
    expect(first.steps['Send new updates']).not.toMatch(/^FAILED/);
    expect(first.steps['Save the ledger']).toMatch(/^FAILED[\s\S]*rejected by test/);
    expect(http.delivered('/chat')).toHaveLength(1);
    expect(http.delivered('/hook')).toHaveLength(1);

    // The re-run: nothing is sent twice, and the job says why (its own final push is rejected too).
    const second = await flow.attempt(77, 2);
    expect(http.delivered('/chat')).toHaveLength(1);
    expect(http.delivered('/hook')).toHaveLength(1);
    expect(second.steps['Send new updates']).toMatch(/^FAILED[\s\S]*unsure +chat ← 2026-11-23-api\/2026-11-23T0905Z: run 77\.1 was about to send it/);
    expect(second.summary).toContain('**Unsure: 2 message(s)**');

    // A third attempt, or the next push, with the push working again: still nothing twice, and the unsure
    // messages are kept in the ledger until a person settles them.
    flow.rejectFinalPush(false);
    const third = await flow.attempt(78, 1);
    expect(third.steps['Send new updates']).toMatch(/^FAILED[\s\S]*unsure +hook ← 2026-11-23-api\/2026-11-23T0905Z/);
    expect(http.requests.filter((r) => r.path === '/chat' || r.path === '/hook')).toHaveLength(2);
    expect(flow.ledgerFile('deliveries.jsonl')).toMatch(/"channel":"chat","state":"unsure","attempt":"78\.1"/);
  });

  it('a run whose reservations cannot be saved sends nothing', () => {
    const reserve = NOTIFY_STEPS.findIndex((s) => s.name === 'Save the reservations');
    const send = NOTIFY_STEPS.findIndex((s) => s.name === 'Send new updates');
    expect(reserve).toBeGreaterThan(-1);
    expect(reserve).toBeLessThan(send);
    // Not `always()`: a failed reservation push stops the job before sending.
    expect(NOTIFY_STEPS[reserve]!.if).toBeUndefined();
  });
});
