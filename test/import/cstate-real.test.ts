// cState's own example site (test/fixtures/import/real/cstate, see PROVENANCE.md) imported as a new user would:
// separators, labels, post-mortems, date slips and maintenance the way cState sites write them.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSite } from '../../site/model/load/index.ts';
import type { Site } from '../../site/model/site.ts';
import { timeline } from '../../site/model/timeline.ts';
import { candor } from '../helpers/cli.ts';
import { candorImport, emptyDir, REAL, tree } from './cli.ts';

const NOW = '2026-11-30T12:00:00Z';
const EXAMPLE = join(REAL, 'cstate', 'exampleSite');

describe("cState's example site, imported", () => {
  let root: string;
  let run: ReturnType<typeof candorImport>;
  let files: Record<string, string>;
  let site: Site;
  const incident = (slug: string) => site.incidents.find((i) => i.id.endsWith(slug))!;
  beforeAll(async () => {
    root = emptyDir();
    run = candorImport(['cstate', EXAMPLE, '--root', root, '--now', NOW]);
    files = tree(root);
    const loaded = await loadSite(root, { now: new Date(NOW) });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    site = loaded.value;
  });

  it('imports with exit 0 and passes candor check', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('candor check: ok');
  });

  it.each([NOW, '2027-11-30T12:00:00Z'])('lints with no findings at %s: the issue cState still shows open is history until someone posts here', (now) => {
    const lint = candor(['lint', '--root', root, '--now', now, '--format', 'json']);
    expect(JSON.parse(lint.stdout).findings).toEqual([]);
    expect(lint.code).toBe(0);
    // It is still open on the page, as it was on cState.
    expect(timeline(incident('api-dns-resolution-error'), site.config, new Date(now)).open).toBe(true);
  });

  it('makes the open issue live again once an update is posted here: from then on every rule applies', () => {
    const live = emptyDir();
    candorImport(['cstate', EXAMPLE, '--root', live, '--now', NOW]);
    const dir = join(live, 'incidents', '2024-12-27-api-dns-resolution-error');
    writeFileSync(join(dir, '2026-11-30T1100Z.md'), '---\nstatus: identified\nnext_update: 2026-11-30T11:30:00Z\n---\nThe API cannot resolve some domain names. We are moving it to another resolver.\n');
    const lint = candor(['lint', '--root', live, '--now', NOW, '--format', 'json']);
    const findings = (JSON.parse(lint.stdout) as { findings: { rule: string; file: string }[] }).findings;
    expect(findings.map((f) => [f.rule, f.file])).toContainEqual(['stale-update', 'incidents/2024-12-27-api-dns-resolution-error/2026-11-30T1100Z.md']);
    expect(lint.code).toBe(1);
  });

  it('reads --- as a separator and *Fixed* as the all-clear', () => {
    const excited = incident('exciting-downtime');
    expect(excited.updates.map((u) => u.status)).toEqual(['investigating', 'investigating', 'resolved']);
    expect(excited.updates.map((u) => u.body).join('\n')).not.toMatch(/^-{3}$|\*Fixed\*/m);
    expect(excited.summary).toBe('');
    expect(timeline(excited, site.config, new Date()).open).toBe(false);
  });

  it('turns a *Post-mortem* section into postmortem.md, not the summary', () => {
    const guilds = incident('unavailable-guilds-and-connection-issues');
    expect(guilds.summary).toBe('');
    expect(guilds.postmortem?.body).toMatch(/^At approximately 14:01, a Redis instance/);
    expect(guilds.postmortem?.body).not.toContain('Post-mortem');
  });

  it('keeps the tracked times when date and resolvedWhen are a month away from them, and says so', () => {
    const east = incident('us-east-connection-issues');
    expect(east.started.toISOString()).toBe('2018-05-25T04:13:00.000Z');
    expect(timeline(east, site.config, new Date()).resolvedAt?.toISOString()).toBe('2018-05-25T05:54:00.000Z');
    expect(run.stdout).toContain('2018-05-25-us-east-conn-issues.md: date (2018-04-25T04:13:00Z) is 30 days from its first tracked update (2018-05-25T04:13:00Z)');
    expect(run.stdout).toContain('2018-05-25-us-east-conn-issues.md: resolvedWhen (2018-04-25T04:13:59Z) is 30 days from its last tracked update');
  });

  it('recognises maintenance written as a notice, with its window', () => {
    const m = incident('maintenance-announcement');
    expect(m.kind).toBe('maintenance');
    expect(m.scheduled).toEqual({ start: new Date('2024-02-24T10:35:00Z'), end: new Date('2024-02-24T11:35:00Z') });
    expect(m.updates.map((u) => u.status)).toEqual(['scheduled', 'completed']);
  });

  it('turns informational posts into announcements, none of them pinned', () => {
    expect(site.announcements.map((a) => [a.title, a.pinned, a.imported?.from])).toEqual([
      ['cState v6 Planning Meeting', false, 'cstate'],
      ['Formatting testing', false, 'cstate'],
      ['Testing New cState Features', false, 'cstate'],
    ]);
    expect(site.announcements[1]!.body).toContain('```\nThis is a code block.');
  });

  it('marks every incident imported, so history is not promised a postmortem nor linted', () => {
    expect(site.incidents.every((i) => i.imported?.from === 'cstate')).toBe(true);
    expect(Object.keys(files).filter((f) => f.endsWith('index.md'))).toHaveLength(site.incidents.length);
  });
});
