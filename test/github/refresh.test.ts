// The scheduled refresh (.github/workflows/refresh.yml): `candor github state-changed` says whether the clock alone
// changed what the pages say since the live site was built, and a build then renders what changed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stateChanges } from '../../site/model/moment-state.ts';
import { candor } from '../helpers/cli.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { siteOf } from '../helpers/site.ts';
import { md } from '../helpers/testdir.ts';

const root = join(FIXTURES, 'basic');
const changed = (since: string, now: string) => {
  const r = candor(['github', 'state-changed', '--root', root, '--since', since, '--now', now]);
  expect(r.code, r.stderr).toBe(0);
  return { changed: r.stdout.trim(), said: r.stderr };
};

describe('state-changed', () => {
  it('sees a maintenance window start and end with no push', () => {
    const start = changed('2026-11-30T01:55:00Z', '2026-11-30T02:05:00Z');
    expect(start.changed).toBe('changed=true');
    expect(start.said).toContain('2026-11-30-db-upgrade: scheduled → in_progress');
    expect(changed('2026-11-30T02:05:00Z', '2026-11-30T02:50:00Z').changed).toBe('changed=false');
    expect(changed('2026-11-30T02:50:00Z', '2026-11-30T03:05:00Z').said).toContain('2026-11-30-db-upgrade: in_progress → completed');
  });

  it('sees a promised update become overdue', () => {
    // The open incident's latest update promised the next one by 12:30.
    const r = changed('2026-11-23T12:25:00Z', '2026-11-23T12:35:00Z');
    expect(r.changed).toBe('changed=true');
    expect(r.said).toMatch(/2026-11-23-api-errors-eu: \w+ → \w+, update overdue/);
  });

  it('says nothing changed when nothing did, at the real clock too', () => {
    const r = changed('2026-11-23T11:05:00Z', '2026-11-23T11:06:00Z');
    expect(r.changed).toBe('changed=false');
    expect(r.said).toContain('nothing the pages say has changed since 2026-11-23T11:05:00.000Z');
    // A minute ago and now, by the clock: the fixture's windows lie in the past, so nothing moves.
    const now = candor(['github', 'state-changed', '--root', root, '--since', new Date(Date.now() - 60_000).toISOString()]);
    expect(now.stdout.trim()).toBe('changed=false');
  });

  it('refuses a missing or unreadable --since', () => {
    expect(candor(['github', 'state-changed', '--root', root]).stderr).toContain('--since: give the moment the live site was built');
    const bad = candor(['github', 'state-changed', '--root', root, '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since: "yesterday" is not a time');
  });

  it('sees an announcement appear and a postmortem promise lapse', async () => {
    const site = await siteOf({
      'incidents/2026-11-20-outage/index.md': md({ title: 'Outage', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-20T09:00:00Z' }),
      'incidents/2026-11-20-outage/2026-11-20T0905Z.md': md({ status: 'resolved' }, 'Everything works again.'),
      'announcements/2026-11-24-new-region.md': md({ title: 'A new region', published: '2026-11-24T08:00:00Z' }, 'We now serve Asia.'),
    }, new Date('2026-11-24T12:00:00Z'));
    const at = (s: string) => new Date(s);
    expect(stateChanges(site, at('2026-11-24T07:00:00Z'), at('2026-11-24T09:00:00Z'))).toEqual([{ id: 'announcements/2026-11-24-new-region', from: 'not yet published', to: 'shown' }]);
    // Resolved at 09:05 on the 20th; a postmortem is promised for 72 hours.
    expect(stateChanges(site, at('2026-11-23T09:00:00Z'), at('2026-11-23T09:10:00Z'))).toEqual([{ id: '2026-11-20-outage', from: 'resolved, postmortem promised', to: 'resolved' }]);
  });
});
