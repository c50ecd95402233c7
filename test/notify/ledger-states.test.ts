// The ledger's states and the only moves between them (scripts/notify/delivery-state.ts), each move tested on a
// real ledger folder: what one run writes is what the next run reads.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canMove, DELIVERY_STATES, MOVES } from '../../scripts/notify/delivery-state.ts';
import { Ledger, messageName, parseMessageName } from '../../scripts/notify/ledger.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'candor-ledger-'));
const msg = { channel: 'chat', update: '2026-11-23-api/2026-11-23T0905Z' };
const by = (attempt: string, detail?: string) => ({ attempt, ...(detail ? { detail } : {}) });
/** The ledger as the next run (a new process) reads it. */
const reread = (l: Ledger) => new Ledger(l.dir);

describe('delivery states', () => {
  it('are reserved, sent, failed and unsure, with only these moves', () => {
    expect(DELIVERY_STATES).toEqual(['reserved', 'sent', 'failed', 'unsure']);
    expect(MOVES).toEqual({ new: ['reserved'], reserved: ['sent', 'failed', 'unsure'], failed: ['reserved'], unsure: ['sent', 'failed'], sent: [] });
  });

  it('new → reserved, and no other move from new', () => {
    const l = new Ledger(dir());
    expect(l.state(msg).state).toBe('new');
    for (const to of ['sent', 'failed', 'unsure'] as const) expect(() => l.move(msg, to, by('77.1'))).toThrow(`cannot move from new to ${to}`);
    l.move(msg, 'reserved', by('77.1'));
    expect(reread(l).state(msg)).toEqual({ state: 'reserved', attempt: '77.1' });
  });

  it('reserved → sent, which is final', () => {
    const l = new Ledger(dir());
    l.move(msg, 'reserved', by('77.1'));
    l.move(msg, 'sent', by('77.1'));
    const next = reread(l);
    expect(next.state(msg).state).toBe('sent');
    for (const to of DELIVERY_STATES) expect(canMove('sent', to)).toBe(false);
    expect(() => next.move(msg, 'reserved', by('78.1'))).toThrow('cannot move from sent to reserved');
    expect(next.needsReserving(msg)).toBe(false);
  });

  it('reserved → failed → reserved again by the next attempt → sent', () => {
    const l = new Ledger(dir());
    l.move(msg, 'reserved', by('77.1'));
    l.move(msg, 'failed', by('77.1', 'discord.com answered 503'));
    const rerun = reread(l);
    expect(rerun.state(msg)).toEqual({ state: 'failed', attempt: '77.1', detail: 'discord.com answered 503' });
    expect(rerun.needsReserving(msg)).toBe(true);
    expect(() => rerun.move(msg, 'sent', by('77.2'))).toThrow('cannot move from failed to sent');
    rerun.move(msg, 'reserved', by('77.2'));
    rerun.move(msg, 'sent', by('77.2'));
    expect(reread(rerun).state(msg).state).toBe('sent');
  });

  it('reserved → unsure, which only a person moves on: to sent (arrived) or failed (lost)', () => {
    const l = new Ledger(dir());
    l.move(msg, 'reserved', by('77.1'));
    l.move(msg, 'unsure', by('77.2', 'run 77.1 was about to send it'));
    const next = reread(l);
    expect(next.state(msg).state).toBe('unsure');
    expect(next.needsReserving(msg)).toBe(false);
    expect(() => next.move(msg, 'reserved', by('78.1'))).toThrow('cannot move from unsure to reserved');
    next.move(msg, 'failed', by('by hand'));
    expect(reread(next).needsReserving(msg)).toBe(true);

    const other = { ...msg, channel: 'hook' };
    next.move(other, 'reserved', by('77.1'));
    next.move(other, 'unsure', by('77.1'));
    next.move(other, 'sent', by('by hand'));
    expect(reread(next).state(other).state).toBe('sent');
  });

  it('a reservation of a whole email channel covers its receivers, but never one already sent or unsure', () => {
    const l = new Ledger(dir());
    const a = { ...msg, channel: 'mail', to: 'aaaaaaaaaaaaaaaa' };
    const b = { ...msg, channel: 'mail', to: 'bbbbbbbbbbbbbbbb' };
    const c = { ...msg, channel: 'mail', to: 'cccccccccccccccc' };
    l.move({ channel: 'mail', update: msg.update }, 'reserved', by('77.1'));
    l.move(a, 'sent', by('77.1'));
    l.move(b, 'failed', by('77.1'));
    l.move(c, 'unsure', by('77.1'));
    const rerun = reread(l);
    expect(rerun.needsReserving({ channel: 'mail', update: msg.update })).toBe(true);
    rerun.move({ channel: 'mail', update: msg.update }, 'reserved', by('77.2'));
    const after = reread(rerun);
    expect([a, b, c].map((k) => after.state(k))).toEqual([
      { state: 'sent', attempt: '77.1' },
      { state: 'reserved', attempt: '77.2' },
      { state: 'unsure', attempt: '77.1' },
    ]);
  });

  it('reads ledgers written before the states (sent.jsonl, reserved.jsonl), and refuses a move written by hand that is not allowed', () => {
    const d = dir();
    writeFileSync(join(d, 'reserved.jsonl'), `${JSON.stringify({ ...msg, attempt: '70.1', at: '2026-11-20T00:00:00Z' })}\n`);
    writeFileSync(join(d, 'sent.jsonl'), `${JSON.stringify({ ...msg, channel: 'old', at: '2026-11-20T00:00:00Z', commit: 'abc1234' })}\n`);
    const l = new Ledger(d);
    expect(l.state(msg)).toMatchObject({ state: 'reserved', attempt: '70.1' });
    expect(l.state({ ...msg, channel: 'old' }).state).toBe('sent');
    writeFileSync(join(d, 'deliveries.jsonl'), `${JSON.stringify({ ...msg, channel: 'old', state: 'failed', attempt: 'x', at: '2026-11-21T00:00:00Z' })}\n`);
    expect(() => new Ledger(d).state({ ...msg, channel: 'old' })).toThrow(/deliveries\.jsonl:1: moves old:2026-11-23-api\/2026-11-23T0905Z from sent to failed, which the ledger does not allow/);
    writeFileSync(join(d, 'deliveries.jsonl'), `${JSON.stringify({ ...msg, state: 'delivered', attempt: 'x', at: '2026-11-21T00:00:00Z' })}\n`);
    expect(() => new Ledger(d)).toThrow(/deliveries\.jsonl:1: "state" must be one of reserved, sent, failed, unsure/);
  });

  it('names messages the way --arrived and --lost take them', () => {
    expect(messageName(msg)).toBe('chat:2026-11-23-api/2026-11-23T0905Z');
    expect(parseMessageName('mail:2026-11-23-api/2026-11-23T0905Z:0123456789abcdef')).toEqual({ ...msg, channel: 'mail', to: '0123456789abcdef' });
    expect(parseMessageName('chat 2026')).toBeUndefined();
    // Every move is one JSON line, in order, reviewable in git.
    const l = new Ledger(dir());
    l.move(msg, 'reserved', by('77.1'));
    const line = JSON.parse(readFileSync(join(l.dir, 'deliveries.jsonl'), 'utf8').trim());
    expect(line).toMatchObject({ ...msg, state: 'reserved', attempt: '77.1' });
  });
});
