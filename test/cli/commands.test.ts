// Every command run as a subprocess, as the on-call engineer or CI runs it: files, exit codes, messages.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { CLI } from '../helpers/paths.ts';
import { md, testdir } from '../helpers/testdir.ts';

const OPEN = 'incidents/2026-11-23-api-errors';
const repo = () =>
  testdir({
    [`${OPEN}/index.md`]: md({ kind: 'incident', title: 'API errors in Europe', impact: 'major', components: ['api'], regions: ['eu'], started: '2026-11-23T09:00:00Z' }),
    [`${OPEN}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, "Some customers can't create invoices through the API."),
  });
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const NEW = ['new', '--yes', '--template', 'investigating-partial-outage', '--title', 'Card payments fail in Europe', '--components', 'web', '--regions', 'eu', '--set', 'what=pay invoices by card', '--set', 'consequence=Their invoices stay unpaid until they try again.', '--at', '2026-11-23T09:30:00Z'];

describe('candor new', () => {
  it('writes the incident and its first update from a template, and says what to do next', () => {
    const root = repo();
    const r = candor([...NEW, '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    const dir = 'incidents/2026-11-23-card-payments-fail-in-europe';
    expect(read(root, `${dir}/index.md`)).toBe('---\ntitle: Card payments fail in Europe\nkind: incident\nimpact: major\ncomponents: [web]\nregions: [eu]\nstarted: 2026-11-23T09:30:00Z\nwhat: pay invoices by card\n---\n');
    expect(read(root, `${dir}/2026-11-23T0930Z.md`)).toBe(
      "---\nstatus: investigating\nnext_update: 2026-11-23T10:00:00Z\ncomponents:\n  web: partial_outage\n---\nSome customers can't pay invoices by card in Europe. Their invoices stay unpaid until they try again.\n\nWe're looking into it now and will post again by {time:2026-11-23T10:00:00Z}.\n",
    );
    expect(r.stdout).toContain(`Wrote:\n  ${dir}/index.md\n  ${dir}/2026-11-23T0930Z.md`);
    expect(r.stdout).toMatch(/Social post \(\d+\/280\): Investigating: Card payments fail in Europe\./);
    expect(r.stdout).toContain(`Next: git add ${dir}/index.md ${dir}/2026-11-23T0930Z.md && git commit -m 'Incident: Card payments fail in Europe' && git push`);
    expect(candor(['check', '--root', root, '--now', '2026-11-23T09:31:00Z']).code).toBe(0);
  });

  it('announces maintenance with its window', () => {
    const root = repo();
    const r = candor(['new', '--yes', '--root', root, '--kind', 'maintenance', '--template', 'maintenance-scheduled', '--title', 'Database upgrade', '--components', 'api', '--window-start', '2026-11-29T01:00:00Z', '--window-end', '2026-11-29T03:00:00Z', '--set', 'what=change invoices', '--at', '2026-11-23T09:30:00Z']);
    expect(r.code, r.stderr).toBe(0);
    const index = read(root, 'incidents/2026-11-29-database-upgrade/index.md');
    expect(index).toContain('kind: maintenance\ncomponents: [api]\nscheduled: { start: 2026-11-29T01:00:00Z, end: 2026-11-29T03:00:00Z }\n');
    expect(read(root, 'incidents/2026-11-29-database-upgrade/2026-11-23T0930Z.md')).toContain("On {datetime:2026-11-29T01:00:00Z}, until {time:2026-11-29T03:00:00Z}, we're doing planned work on API in all regions. During that time, customers won't be able to change invoices.");
    // Drafted for today, the window still reads with its date wherever it is shown (the social post here).
    const today = candor(['new', '--yes', '--root', root, '--kind', 'maintenance', '--template', 'maintenance-scheduled', '--title', 'Cache flush', '--components', 'api', '--window-start', '2026-11-23T09:39:00Z', '--window-end', '2026-11-23T09:42:00Z', '--set', 'what=change invoices', '--at', '2026-11-23T09:30:00Z']);
    expect(today.code, today.stderr).toBe(0);
    expect(today.stdout).toContain('On Nov 23, 2026, 9:39 AM UTC, until 9:42 AM UTC');
  }, 180_000);

  it('names what is missing, and the closest known name for a typo, without a terminal', () => {
    const root = repo();
    expect(candor(['new', '--yes', '--root', root, '--title', 'x', '--components', 'api'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^candor: pass --template ID \(.*investigating-partial-outage.*\) or --body TEXT\n$/) });
    expect(candor(['new', '--yes', '--root', root, '--template', 'identified', '--components', 'api'])).toMatchObject({ code: 2, stderr: 'candor: Title: what customers experience: pass --title (no terminal to ask in)\n' });
    expect(candor(['new', '--yes', '--root', root, '--template', 'identified', '--title', 'x', '--impact', 'major', '--components', 'apii']).stderr).toBe('candor: --components: unknown component "apii"; did you mean "api"? (use one of: api, web)\n');
    expect(candor(['new', '--yes', '--root', root, '--template', 'identified', '--title', 'x', '--components', 'api', '--impact', 'majr']).stderr).toContain('--impact: unknown impact "majr"; did you mean "major"?');
    expect(candor(['new', '--yes', '--root', root, '--template', 'identifed', '--title', 'x', '--components', 'api']).stderr).toContain('--template: no template "identifed"; did you mean "identified"?');
    const vars = candor(['new', '--yes', '--root', root, '--template', 'investigating-partial-outage', '--title', 'x', '--components', 'api']);
    expect(vars.code).toBe(2);
    expect(vars.stderr).toContain('the "investigating-partial-outage" template needs words only you know: --set what="…" --set consequence="…"');
    expect(readdirSync(join(root, 'incidents'))).toEqual(['2026-11-23-api-errors']);
  });

  it('prints and writes nothing with --dry-run', () => {
    const root = repo();
    const r = candor([...NEW, '--root', root, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- incidents/2026-11-23-card-payments-fail-in-europe/2026-11-23T0930Z.md\n---\nstatus: investigating');
    expect(readdirSync(join(root, 'incidents'))).toEqual(['2026-11-23-api-errors']);
  });
});

describe('candor update and resolve', () => {
  it('posts an update, and never overwrites one posted the same minute', () => {
    const root = repo();
    const args = ['update', 'api-errors', '--yes', '--root', root, '--template', 'identified', '--set', 'what=create invoices through the API', '--set', 'still_affected=some requests fail; retrying works', '--at', '2026-11-23T09:40:00Z'];
    const r = candor(args);
    expect(r.code, r.stderr).toBe(0);
    expect(read(root, `${OPEN}/2026-11-23T0940Z.md`)).toBe(
      "---\nstatus: identified\nnext_update: 2026-11-23T10:10:00Z\n---\nWe've found why customers can't create invoices through the API and are fixing it now. Until the fix is in place, some requests fail; retrying works.\n\nWe'll post again by {time:2026-11-23T10:10:00Z}.\n",
    );
    const again = candor(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/2026-11-23T0940Z\.md already exists; Candor never overwrites a file/);
  });

  it('sets component states and statuses from flags', () => {
    const root = repo();
    const r = candor(['update', '2026-11-23-api-errors', '--yes', '--root', root, '--status', 'monitoring', '--component', 'api=degraded_performance', '--next-update', '60', '--body', 'A fix is in; we are watching it.', '--at', '2026-11-23T09:40:00Z']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(root, `${OPEN}/2026-11-23T0940Z.md`)).toBe('---\nstatus: monitoring\nnext_update: 2026-11-23T10:40:00Z\ncomponents:\n  api: degraded_performance\n---\nA fix is in; we are watching it.\n');
    expect(candor(['update', 'api-errors', '--yes', '--root', root, '--component', 'api=broken', '--body', 'x', '--status', 'identified', '--at', '2026-11-23T09:50:00Z']).stderr).toContain('--component: unknown state "broken"');
  });

  it('suggests the closest incident', () => {
    const r = candor(['update', 'api-erors', '--yes', '--root', repo(), '--body', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('candor: no incident "api-erors"; did you mean "api-errors"? (recent: 2026-11-23-api-errors)\n');
  });

  it('refuses an update the content would reject, and leaves nothing behind', () => {
    const root = testdir({
      'incidents/2026-11-23-db/index.md': md({ kind: 'maintenance', title: 'DB upgrade', components: ['api'], scheduled: { start: '2026-11-23T09:00:00Z', end: '2026-11-23T10:00:00Z' } }),
      'incidents/2026-11-23-db/2026-11-23T0900Z.md': md({ status: 'in_progress' }, 'Started.'),
    });
    const r = candor(['update', 'db', '--yes', '--root', root, '--status', 'in_progress', '--scheduled-end', '2026-11-23T08:00:00Z', '--body', 'Longer.', '--at', '2026-11-23T09:30:00Z']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing was written, because the result would not be valid');
    expect(r.stderr).toContain('scheduled_end: is before the window starts');
    expect(existsSync(join(root, 'incidents/2026-11-23-db/2026-11-23T0930Z.md'))).toBe(false);
  });

  it('resolves only with an answer about data loss, and reopens when updated afterwards', () => {
    const root = repo();
    const base = ['resolve', 'api-errors', '--yes', '--root', root, '--set', 'what=create invoices through the API', '--at', '2026-11-23T10:30:00Z'];
    expect(candor(base)).toMatchObject({ code: 2, stderr: 'candor: Was any customer data lost?: pass --data-loss (no terminal to ask in)\n' });
    const r = candor([...base, '--data-loss', 'none']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(root, `${OPEN}/2026-11-23T1030Z.md`)).toMatch(/^---\nstatus: resolved\ndata_loss: none\n---\nThis is fixed: customers can create invoices through the API again in Europe, and it has been working normally since \{time:2026-11-23T10:30:00Z\}\./);
    expect(candor([...base, '--data-loss', 'none', '--at', '2026-11-23T10:31:00Z']).stderr).toBe('candor: 2026-11-23-api-errors is resolved, and "candor resolve" applies only to open incidents\n');
    const reopened = candor(['update', 'api-errors', '--yes', '--root', root, '--template', 'still-working', '--set', 'what=create invoices', '--at', '2026-11-23T11:00:00Z']);
    expect(reopened.code, reopened.stderr).toBe(0);
    expect(read(root, `${OPEN}/2026-11-23T1100Z.md`)).toMatch(/^---\nstatus: investigating\nreopen: true\nnext_update: 2026-11-23T11:30:00Z\n/);
  });

  it('extends a maintenance window', () => {
    const root = testdir({
      'incidents/2026-11-23-db/index.md': md({ kind: 'maintenance', title: 'DB upgrade', components: ['api'], scheduled: { start: '2026-11-23T09:00:00Z', end: '2026-11-23T10:00:00Z' } }),
      'incidents/2026-11-23-db/2026-11-23T0900Z.md': md({ status: 'in_progress' }, 'Started.'),
    });
    const r = candor(['update', 'db', '--yes', '--root', root, '--template', 'maintenance-extended', '--scheduled-end', '2026-11-23T11:00:00Z', '--set', 'what=change invoices', '--at', '2026-11-23T09:50:00Z']);
    expect(r.code, r.stderr).toBe(0);
    const text = read(root, 'incidents/2026-11-23-db/2026-11-23T0950Z.md');
    expect(text).toContain('status: in_progress\nscheduled_end: 2026-11-23T11:00:00Z\ncomponents:\n  api: under_maintenance\n');
    expect(text).toContain('It will now end by {time:2026-11-23T11:00:00Z} instead.');
  });
});

describe('candor postmortem and lint', () => {
  it('accepts --yes (and -y) like every other writing command', () => {
    const root = repo();
    candor(['resolve', 'api-errors', '--yes', '--root', root, '--data-loss', 'none', '--body', 'Fixed since 10:25 UTC.', '--at', '2026-11-23T10:30:00Z']);
    const r = candor(['postmortem', 'api-errors', '--yes', '--root', root, '--at', '2026-11-24T09:00:00Z']);
    expect(r.code, r.stderr).toBe(0);
    expect(read(root, `${OPEN}/postmortem.md`)).toContain('draft: true');
    expect(candor(['postmortem', 'api-errors', '-y', '--dry-run', '--root', root, '--at', '2026-11-24T09:00:00Z']).code).toBe(0);
    for (const command of ['new', 'update', 'resolve', 'postmortem']) expect(candor([command, '--help']).stdout, command).toMatch(/--yes/);
  });

  it('drafts a postmortem from the timeline that no build publishes until finished', () => {
    const root = repo();
    candor(['resolve', 'api-errors', '--yes', '--root', root, '--data-loss', 'none', '--body', 'Fixed since 10:25 UTC.', '--at', '2026-11-23T10:30:00Z']);
    const r = candor(['postmortem', 'api-errors', '--root', root, '--at', '2026-11-24T09:00:00Z']);
    expect(r.code, r.stderr).toBe(0);
    const draft = read(root, `${OPEN}/postmortem.md`);
    expect(draft).toMatch(/^---\n# A draft: .*\n# published: 2026-11-24T09:00:00Z\ndraft: true\n---\n## Summary\n\n\*\*API errors in Europe\*\* — November 23, 2026, 1h 30m\.\n\n\{\{summary\}\}/);
    expect(draft).toContain("- **Nov 23, 2026, 9:05 AM UTC** — Investigating: Some customers can't create invoices through the API.");
    expect(draft).toContain('## Root cause\n\n{{root_cause}}');
    // A draft is reported, not published, and its placeholders are expected.
    const lint = candor(['lint', '--root', root, '--now', '2026-11-24T09:01:00Z']);
    expect(lint.stdout).toContain(`${OPEN}/postmortem.md  warning  draft  is a draft, so it is not published`);
    expect(lint.stdout).not.toContain('template-placeholder');
    // Published with its placeholders still there: lint fails, and so does the pull-request check (build --strict); a
    // deploy build publishes the incident as it last was without them (test/unit/publishable.test.ts).
    writeFileSync(join(root, OPEN, 'postmortem.md'), draft.replace('draft: true', 'published: 2026-11-24T09:00:00Z'));
    const published = candor(['lint', '--root', root, '--now', '2026-11-24T09:01:00Z']);
    expect(published.code).toBe(1);
    expect(published.stdout).toContain(`${OPEN}/postmortem.md:28  error  template-placeholder  {{root_cause}} was never filled in`);
    const build = candor(['build', '--strict', '--root', root, '--out', join(root, 'dist'), '--now', '2026-11-24T09:01:00Z']);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${OPEN}/postmortem.md:28  error  template-placeholder  {{root_cause}} was never filled in`);
    expect(build.stderr).toContain('nothing was built');
    expect(existsSync(join(root, 'dist'))).toBe(false);
    // Without a date, a postmortem is neither a draft nor publishable: a clear error naming the field.
    writeFileSync(join(root, OPEN, 'postmortem.md'), '---\ntitle: What happened\n---\nText.\n');
    const undated = candor(['lint', '--root', root, '--now', '2026-11-24T09:01:00Z']);
    expect(undated.stdout).toContain(`${OPEN}/postmortem.md  error  schema  published: is missing, so this postmortem would be published without a date`);
  });

  it('exits 0 on warnings only, 1 on errors, and speaks text, JSON and GitHub annotations', () => {
    const root = testdir({
      [`${OPEN}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'minor', components: ['api'], started: '2026-11-23T09:00:00Z' }),
      [`${OPEN}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, "Customers can't create invoices. We apologize for any inconvenience."),
    });
    const warn = candor(['lint', '--root', root, '--now', '2026-11-23T09:30:00Z']);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toBe(`${OPEN}/2026-11-23T0905Z.md:5  warning  empty-apology  "We apologize for any inconvenience" is an empty apology\n  fix: Say specifically what went wrong for customers and what you are doing; apologise for that, if at all.\n\n0 error(s), 1 warning(s)\n`);
    const stale = candor(['lint', '--root', root, '--now', '2026-11-23T11:00:00Z', '--format', 'json']);
    expect(stale.code).toBe(1);
    expect(JSON.parse(stale.stdout)).toMatchObject({ errors: 1, warnings: 1, findings: [{ rule: 'stale-update', severity: 'error', file: `${OPEN}/2026-11-23T0905Z.md` }, { rule: 'empty-apology', line: 5 }] });
    const gh = candor(['lint', '--root', root, '--now', '2026-11-23T09:30:00Z', '--format', 'github']);
    expect(gh.stdout).toBe(`::warning file=${OPEN}/2026-11-23T0905Z.md,line=5,title=candor empty-apology::"We apologize for any inconvenience" is an empty apology. Fix: Say specifically what went wrong for customers and what you are doing; apologise for that, if at all.\n`);
    expect(candor(['lint', '--root', root, '--format', 'xml']).code).toBe(2);
  });

  it('reports content errors as schema findings', () => {
    const root = testdir({ [`${OPEN}/index.md`]: md({ kind: 'incident', title: 'x', impact: 'major', components: ['api'], started: '2026-11-23T09:00' }) });
    const r = candor(['lint', '--root', root, '--now', '2026-11-23T09:30:00Z']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${OPEN}/index.md:6  error  schema  started: "2026-11-23T09:00" has no time zone`);
  });
});

describe('every command', () => {
  for (const command of ['new', 'update', 'resolve', 'postmortem', 'lint', 'templates', 'build', 'check', 'preview', 'alert', 'monitor', 'init', 'upgrade']) {
    it(`${command} --help explains itself`, () => {
      const r = candor([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: candor ${command}`));
    });
  }

  it('candor with no command lists them all', () => {
    const r = candor([]);
    expect(r.code).toBe(1);
    for (const c of ['new', 'update', 'resolve', 'postmortem', 'lint', 'preview', 'build']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });

  it('templates lists the prepared messages and what they ask for', () => {
    const r = candor(['templates', '--root', repo(), '--now', '2026-11-23T09:30:00Z']);
    expect(r.stdout).toMatch(/^third-party\s+incident\s+identified\s+A provider we rely on has a problem\n\s+fills: what, regions, provider, workaround\?, next_update$/m);
  });

  it('preview --built builds the mirror and serves it at its base path', async () => {
    const root = repo();
    const child = spawn(process.execPath, [CLI, 'preview', '--built', '--root', root, '--out', join(root, 'dist'), '--port', '4399', '--now', '2026-11-23T09:30:00Z'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.on('data', (d) => (out += d) && /serving mirror/.test(out) && ok(out));
        child.on('exit', (code) => fail(new Error(`preview exited ${code}: ${out}`)));
      });
      expect(line).toMatch(/built main: \d+ pages/);
      const html = await (await fetch('http://127.0.0.1:4399/')).text();
      expect(html).toContain('API errors in Europe');
    } finally {
      child.kill();
    }
  });
});
