// Choosing the incident without typing its id, partial names that match only incidents the command applies to,
// what the incident already knows reused by update and resolve, and the recovery time in the all-clear.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { md, testdir } from '../helpers/testdir.ts';

const CLOSED = 'incidents/2026-11-20-card-payments-fail';
const OPEN = 'incidents/2026-11-23-card-payments-slow';
const OLD = 'incidents/2026-10-01-card-payments-down';
const repo = () =>
  testdir({
    [`${OLD}/index.md`]: md({ kind: 'incident', title: 'Card payments down', impact: 'major', components: ['api'], started: '2026-10-01T09:00:00Z' }),
    [`${OLD}/2026-10-01T0905Z.md`]: md({ status: 'resolved', data_loss: 'none' }, 'Fixed.'),
    [`${CLOSED}/index.md`]: md({ kind: 'incident', title: 'Card payments fail', impact: 'major', components: ['api'], started: '2026-11-20T09:00:00Z' }),
    [`${CLOSED}/2026-11-20T0905Z.md`]: md({ status: 'resolved', data_loss: 'none' }, 'Fixed.'),
    [`${OPEN}/index.md`]: md({ kind: 'incident', title: 'Card payments slow', impact: 'minor', components: ['api'], regions: ['eu'], started: '2026-11-23T09:00:00Z', what: 'pay invoices by card' }),
    [`${OPEN}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, "Some customers can't pay invoices by card."),
  });

describe('choosing the incident', () => {
  it('without a name and without a terminal, lists the ones each command applies to, newest first', () => {
    const root = repo();
    const at = ['--root', root, '--yes', '--at', '2026-11-23T09:30:00Z'];
    expect(candor(['update', ...at]).stderr).toBe('candor: name one incident: candor update <incident>; open or resolved in the last 7 days: 2026-11-23-card-payments-slow, 2026-11-20-card-payments-fail\n');
    expect(candor(['resolve', ...at]).stderr).toBe('candor: name one incident: candor resolve <incident>; open: 2026-11-23-card-payments-slow\n');
    expect(candor(['postmortem', ...at]).stderr).toMatch(/^candor: name one incident: candor postmortem <incident>; resolved without a postmortem: 2026-11-20-card-payments-fail, 2026-10-01-card-payments-down\n$/);
  });

  it('matches a partial name only against incidents the command applies to', () => {
    const root = repo();
    const r = candor(['resolve', 'card-payments', '--root', root, '--yes', '--data-loss', 'none', '--at', '2026-11-23T09:40:00Z']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(root, OPEN, '2026-11-23T0940Z.md'), 'utf8')).toContain('status: resolved');
    const closed = candor(['resolve', '2026-11-20-card-payments-fail', '--root', root, '--yes', '--data-loss', 'none', '--at', '2026-11-23T09:41:00Z']);
    expect(closed).toMatchObject({ code: 2, stderr: 'candor: 2026-11-20-card-payments-fail is resolved, and "candor resolve" applies only to open incidents\n' });
  });
});

describe('what the incident already knows', () => {
  it('update reuses what customers try to do, written once by new', () => {
    const root = testdir({ 'incidents/.gitkeep': '' });
    const made = candor(['new', '--yes', '--root', root, '--template', 'investigating-partial-outage', '--title', 'Exports fail', '--components', 'api', '--set', 'what=Export invoices.', '--set', 'consequence=they see an error', '--at', '2026-11-23T09:30:00Z']);
    expect(made.code, made.stderr).toBe(0);
    const dir = 'incidents/2026-11-23-exports-fail';
    expect(readFileSync(join(root, dir, 'index.md'), 'utf8')).toContain('what: Export invoices.');
    expect(readFileSync(join(root, dir, '2026-11-23T0930Z.md'), 'utf8')).toContain("Some customers can't export invoices in all regions. They see an error.");
    const next = candor(['update', 'exports', '--yes', '--root', root, '--template', 'still-working', '--at', '2026-11-23T10:00:00Z']);
    expect(next.code, next.stderr).toBe(0);
    expect(readFileSync(join(root, dir, '2026-11-23T1000Z.md'), 'utf8')).toContain("Customers still can't export invoices in all regions.");
  });

  for (const [recovered, says] of [[undefined, '{time:2026-11-23T10:40:00Z}'], ['10:05', '{time:2026-11-23T10:05:00Z}'], ['2026-11-23T11:05:00+01:00', '{time:2026-11-23T10:05:00Z}']] as const) {
    it(`resolve says when it recovered (--recovered ${recovered ?? 'not given: now'})`, () => {
      const root = repo();
      const r = candor(['resolve', 'slow', '--root', root, '--yes', '--data-loss', 'none', '--at', '2026-11-23T10:40:00Z', ...(recovered ? ['--recovered', recovered] : [])]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(join(root, OPEN, '2026-11-23T1040Z.md'), 'utf8')).toContain(`customers can pay invoices by card again in Europe, and it has been working normally since ${says}.`);
    });
  }

  it('refuses a recovery after the all-clear or before the incident', () => {
    const root = repo();
    const base = ['resolve', 'slow', '--root', root, '--yes', '--data-loss', 'none', '--at', '2026-11-23T10:40:00Z'];
    expect(candor([...base, '--recovered', '11:00'])).toMatchObject({ code: 2, stderr: 'candor: --recovered: 2026-11-23T11:00:00Z is after the all-clear itself (2026-11-23T10:40:00Z); use the time it started working again\n' });
    expect(candor([...base, '--recovered', '08:00']).stderr).toContain('is before the incident started');
  });
});
