// The scripts the workflows call, against a fake GitHub at the HTTP layer (octokit runs for real).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { github } from '../../scripts/github/client.ts';
import { PR_MARKER, upsertComment } from '../../scripts/github/comment.ts';
import { deployMatrix, matricesByTarget } from '../../scripts/github/deploy-matrix.ts';
import { formToArgs, parseIssueForm } from '../../scripts/github/issue-form.ts';
import { needingPostmortem, openPostmortemPrs } from '../../scripts/github/postmortem-pr.ts';
import { parseNameStatus, prSummary } from '../../scripts/github/pr-summary.ts';
import { s3Commands } from '../../scripts/github/s3-plan.ts';
import { concerns, runWatchdog, WATCHDOG_LABEL } from '../../scripts/github/watchdog.ts';
import { lint } from '../../site/model/lint/index.ts';
import { candor } from '../helpers/cli.ts';
import { FakeGitHub } from '../helpers/fake-github.ts';
import { REPO } from '../helpers/paths.ts';
import { siteOf } from '../helpers/site.ts';
import { md, testdir } from '../helpers/testdir.ts';
import { loadSite } from '../../site/model/load/index.ts';

const repo = { owner: 'acme', repo: 'status' };
const client = (fake: FakeGitHub) => github({ token: 'test-token', fetch: fake.fetch as typeof fetch });
const INC = 'incidents/2026-11-23-api';
const files = (extra: Record<string, string> = {}) => ({
  [`${INC}/index.md`]: md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z', owner: 'anna' }),
  [`${INC}/2026-11-23T0905Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, "Customers can't create invoices."),
  ...extra,
});

describe('deploy matrix', () => {
  it('gives each deployed mirror its own job, environment and target settings, from the example config', async () => {
    // The example runs on its own clock, so its deploy targets are commented out: deploy it as a real site would.
    const config = readFileSync(join(REPO, 'candor.config.yaml'), 'utf8')
      .replace(/^example_clock: .*$/m, '')
      .replace(/^ {4}# Deployed once example_clock is gone:\n/gm, '')
      .replace(/^ {4}# ( *)(deploy:|  )/gm, '    $1$2');
    expect(config).toContain('    deploy: { target: github-pages }');
    const root = testdir({}, { config });
    // The files the config names (its logos) come with it.
    cpSync(join(REPO, 'assets'), join(root, 'assets'), { recursive: true });
    const r = await loadSite(root, { now: new Date('2026-11-23T08:30:00Z') });
    if (!r.ok) throw new Error(`example invalid: ${JSON.stringify(r.errors)}`);
    expect(deployMatrix(r.value.config).map((j) => [j.mirror, j.target, j.environment, j.base])).toEqual([
      ['global', 'github-pages', 'github-pages', '/'],
      ['eu', 'cloudflare-pages', 'status-eu', '/'],
      ['apac', 'netlify', 'status-apac', '/'],
      ['cn', 's3', 'status-cn', '/status/'],
    ]);
    const split = matricesByTarget(r.value.config);
    expect(Object.fromEntries(Object.entries(split).map(([k, v]) => [k, v.map((j) => j.mirror)]))).toEqual({ pages: ['global'], cloudflare: ['eu'], netlify: ['apac'], s3: ['cn'] });
    const out = candor(['github', 'deploy-matrix', '--root', root, '--now', '2026-11-23T08:30:00Z']);
    expect(out.stdout.split('\n').filter(Boolean).map((l) => l.split('=')[0])).toEqual(['pages', 'cloudflare', 'netlify', 's3', 'notify_secrets']);
  });

  it('refuses a second GitHub Pages mirror', async () => {
    const config = `name: X\ncomponents: [{ id: api, name: API }]\nmirrors:\n  - { id: a, url: https://a.example/, locale: en, deploy: { target: github-pages } }\n  - { id: b, url: https://b.example/, locale: en, deploy: { target: github-pages } }\n`;
    await expect(siteOf({}, new Date(), config)).rejects.toThrow('mirrors.1.deploy.target: a repository has one GitHub Pages site');
  });
});

describe('S3 plan', () => {
  it('uploads assets, then pages, then deletes, then invalidates, under the base path', () => {
    const c = s3Commands({ dir: 'dist/cn', bucket: 'b', base: '/status/', region: 'cn-north-1', distributionId: 'E123ABC45' }).map((x) => x.join(' '));
    expect(c).toHaveLength(5);
    expect(c[0]).toMatch(/^aws s3 sync dist\/cn s3:\/\/b\/status\/ .*--exclude \* --include _astro\/\* .*immutable/);
    expect(c[1]).toContain('--exclude *.html');
    expect(c[2]).toMatch(/--exclude \* --include \*\.html/);
    expect(c[3]).toContain('--delete');
    expect(c.slice(0, 3).some((x) => x.includes('--delete'))).toBe(false);
    expect(c[4]).toBe('aws cloudfront create-invalidation --distribution-id E123ABC45 --paths /status/*');
  });
});

describe('pull request comment', () => {
  it('is created once, then edited in place, never duplicated', async () => {
    const fake = new FakeGitHub();
    const gh = client(fake);
    expect(await upsertComment(gh, repo, 7, PR_MARKER, 'first')).toBe('created');
    expect(await upsertComment(gh, repo, 7, PR_MARKER, 'first')).toBe('unchanged');
    expect(await upsertComment(gh, repo, 7, PR_MARKER, 'second')).toBe('updated');
    expect(fake.comments.get(7)!.map((c) => c.body)).toEqual([`${PR_MARKER}\nsecond`]);
  });

  it('summarises incidents touched, lint findings with file and line, and the postmortem', async () => {
    const site = await siteOf(files({ [`${INC}/postmortem.md`]: md({ published: '2026-11-23T11:00:00Z' }, '## Root cause\nA config change.') }), new Date('2026-11-23T11:30:00Z'));
    const changed = parseNameStatus(`A\t${INC}/index.md\nA\t${INC}/postmortem.md\nM\tREADME.md\n`);
    const text = prSummary(site, lint(site, new Date('2026-11-23T11:30:00Z')), changed, new Date('2026-11-23T11:30:00Z'));
    expect(text).toContain('| [API errors](https://status.test.example/incidents/2026-11-23-api/) | investigating | major | api | A `index.md`<br>A `postmortem.md` |');
    expect(text).toContain('### Lint: 1 error(s), 0 warning(s)');
    expect(text).toContain(`| ❌ | \`${INC}/2026-11-23T0905Z.md\` | \`stale-update\` |`);
    expect(text).toContain('### Postmortem: API errors\n\n<details open><summary>As it will be published</summary>\n\n## Root cause\nA config change.');
  });
});

describe('watchdog', () => {
  it('opens one issue per overdue incident mentioning its owner, updates it, and closes it once updated', async () => {
    const fake = new FakeGitHub();
    const gh = client(fake);
    const late = new Date('2026-11-23T10:30:00Z');
    const site = await siteOf(files(), late);
    expect(concerns(site, late).map((c) => c.incident.id)).toEqual(['2026-11-23-api']);
    expect(await runWatchdog(gh, repo, site, late)).toEqual({ opened: ['2026-11-23-api'], updated: [], closed: [] });
    const [issue] = fake.issues;
    expect(issue).toMatchObject({ title: 'Status page: API errors needs attention', labels: [{ name: WATCHDOG_LABEL }], assignees: [{ login: 'anna' }] });
    expect(issue!.body).toContain('@anna, customers are waiting on [API errors](https://status.test.example/incidents/2026-11-23-api/)');
    expect(issue!.body).toContain('customers were promised an update by 2026-11-23T10:00:00.000Z, 30 min ago');
    // Ten minutes later: the same issue, edited, not a second one.
    expect(await runWatchdog(gh, repo, site, new Date('2026-11-23T10:40:00Z'))).toEqual({ opened: [], updated: ['2026-11-23-api'], closed: [] });
    expect(fake.issues).toHaveLength(1);
    const updated = await siteOf(files({ [`${INC}/2026-11-23T1045Z.md`]: md({ status: 'identified', next_update: '2026-11-23T11:30:00Z' }, 'Found it.') }), new Date('2026-11-23T10:50:00Z'));
    expect(await runWatchdog(gh, repo, updated, new Date('2026-11-23T10:50:00Z'))).toEqual({ opened: [], updated: [], closed: ['2026-11-23-api'] });
    expect(fake.issues[0]!.state).toBe('closed');
  });

  it('reminds when maintenance is about to start', async () => {
    const site = await siteOf({
      'incidents/2026-11-23-db/index.md': md({ kind: 'maintenance', title: 'DB', components: ['web'], scheduled: { start: '2026-11-23T12:00:00Z', end: '2026-11-23T13:00:00Z' } }),
      'incidents/2026-11-23-db/2026-11-20T1000Z.md': md({ status: 'scheduled' }, 'Planned.'),
    }, new Date('2026-11-23T11:50:00Z'));
    expect(concerns(site, new Date('2026-11-23T11:50:00Z'))[0]!.reasons[0]).toMatch(/^the window starts at 2026-11-23T12:00:00.000Z: post "in_progress"/);
    expect(concerns(site, new Date('2026-11-23T11:00:00Z'))).toEqual([]);
  });
});

describe('postmortem pull requests', () => {
  it('opens one, with the draft on its own branch, assigned to the owner, once', async () => {
    const resolved = files({ [`${INC}/2026-11-23T1000Z.md`]: md({ status: 'resolved', data_loss: 'none' }, 'Fixed.') });
    const site = await siteOf(resolved, new Date('2026-11-23T10:05:00Z'));
    const added = parseNameStatus(`A\t${INC}/2026-11-23T1000Z.md\n`);
    expect(needingPostmortem(site, added, new Date('2026-11-23T10:05:00Z')).map((i) => i.id)).toEqual(['2026-11-23-api']);
    expect(needingPostmortem(site, parseNameStatus(`M\t${INC}/index.md\n`), new Date('2026-11-23T10:05:00Z'))).toEqual([]);
    const fake = new FakeGitHub();
    const urls = await openPostmortemPrs(client(fake), repo, site, added, 'main', new Date('2026-11-23T10:05:00Z'));
    expect(urls).toEqual(['https://github.com/acme/status/pull/1']);
    expect(fake.refs.get('heads/postmortem/2026-11-23-api')).toBe('a'.repeat(40));
    expect(fake.files.get(`postmortem/2026-11-23-api:${INC}/postmortem.md`)).toMatch(/^---\n# A draft: .*\n# published: 2026-11-23T10:05:00Z\ndraft: true\n---\n## Summary/);
    expect(fake.pulls[0]).toMatchObject({ title: 'Postmortem: API errors', base: { ref: 'main' }, head: { ref: 'postmortem/2026-11-23-api' } });
    expect(fake.requests).toContain('POST /repos/acme/status/issues/1/assignees');
    expect(await openPostmortemPrs(client(fake), repo, site, added, 'main', new Date())).toEqual([]);
    expect(fake.pulls).toHaveLength(1);
  });
});

describe('status update issue form', () => {
  const body = (status: string, extra = '') => `### Incident\n\n2026-11-23-api\n\n### Status\n\n${status}\n\n### Message to customers\n\nWe found the cause and are fixing it.\n\n### Next update in (minutes)\n\n30\n\n### Was any customer data lost?\n\n${extra || '_No response_'}\n`;

  it('reads GitHub\'s rendering of the form', () => {
    expect(parseIssueForm(body('identified'))).toEqual({ Incident: '2026-11-23-api', Status: 'identified', 'Message to customers': 'We found the cause and are fixing it.', 'Next update in (minutes)': '30' });
    expect(formToArgs(body('resolved', 'none'), '2026-11-23T10:00:00Z')).toEqual({ ok: true, mode: 'resolve', incident: '2026-11-23-api', argv: ['--yes', '--body=We found the cause and are fixing it.', '--at=2026-11-23T10:00:00Z', '--data-loss=none', '--', '2026-11-23-api'] });
    expect(formToArgs('### Incident\n\n_No response_\n', 'x')).toEqual({ ok: false, problems: expect.arrayContaining([expect.stringContaining('"Incident" is empty')]) });
  });

  it('writes the update through the same checks as the CLI, or explains what is wrong', async () => {
    const root = testdir(files());
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${root}/body.md`, body('identified'));
    const ok = candor(['github', 'issue-update', '--root', root, '--body-file', `${root}/body.md`, '--at', '2026-11-23T09:40:12Z']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Wrote:\n  ${INC}/2026-11-23T0940Z.md`);
    writeFileSync(`${root}/body.md`, body('resolved'));
    const bad = candor(['github', 'issue-update', '--root', root, '--body-file', `${root}/body.md`, '--at', '2026-11-23T09:50:00Z']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Was any customer data lost?: pass --data-loss');
  });
});

describe('the issue forms', () => {
  it('are checked in as `candor github issue-forms` makes them from the example (config and open incidents)', () => {
    const root = testdir({});
    for (const part of ['candor.config.yaml', 'assets', 'incidents']) cpSync(join(REPO, part), join(root, part), { recursive: true });
    const r = candor(['github', 'issue-forms', '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['open-incident.yml', 'status-update.yml']) expect(readFileSync(join(root, '.github/ISSUE_TEMPLATE', f), 'utf8'), f).toBe(readFileSync(join(REPO, '.github/ISSUE_TEMPLATE', f), 'utf8'));
  });
});
