// Posting from a phone, end to end: the steps of status-update.yml and issue-forms.yml (held by their reusable
// site-*.yml) run for real (bash, git, the CLI) against a local "origin" and a fake GitHub API on a loopback port,
// as issues made with the generated forms arrive. Open → the form lists it → update chosen from the list → set component states → resolve → the
// list empties; each commit lints with no error and no warning. A read-only person is refused; a stale choice answered.
import { execFile, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NONE_OPEN } from '../../scripts/github/form-templates.ts';
import { candor } from '../helpers/cli.ts';
import { FakeGitHub } from '../helpers/fake-github.ts';
import { GIT_IDENTITY } from '../helpers/git-repo.ts';
import { issueBody, optionFor } from '../helpers/issue-body.ts';
import { CLI, REPO } from '../helpers/paths.ts';
import { MINIMAL_CONFIG } from '../helpers/testdir.ts';

interface Step { id?: string; name?: string; run?: string; if?: string }
const steps = (file: string, job: string) => (parse(readFileSync(join(REPO, '.github', 'workflows', file), 'utf8')) as { jobs: Record<string, { steps: Step[] }> }).jobs[job]!.steps;
const POST = steps('site-status-update.yml', 'post');
const FORMS = steps('site-issue-forms.yml', 'refresh');
const run = (id: string, list: Step[]) => list.find((s) => s.id === id)!.run!;
const reply = (name: string) => POST.find((s) => s.name === name)!.run!;

const base = mkdtempSync(join(tmpdir(), 'candor-phone-'));
const origin = join(base, 'origin.git');
const runner = join(base, 'runner');
const clone = join(runner, 'repo');
const bin = join(runner, 'bin');
const ghLog = join(runner, 'gh.log');
const fake = new FakeGitHub();
let server: Server;
let api = '';

const sh = (script: string, cwd: string, env: Record<string, string> = {}) => execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8' });
/** A step's script, run without blocking this process (the fake GitHub API answers from it). */
const step = (script: string, env: Record<string, string>) =>
  new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile('bash', ['-euo', 'pipefail', '-c', script], { cwd: clone, env: { ...process.env, ...GIT_IDENTITY, ...env } }, (error, _out, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }));
  });
const common = () => ({ RUNNER_TEMP: runner, GITHUB_OUTPUT: join(runner, 'output'), PATH: `${bin}:${process.env.PATH}`, GITHUB_API_URL: api, GITHUB_REPOSITORY: 'acme/status', GITHUB_TOKEN: 'workflow-token', GH_TOKEN: 'workflow-token', BRANCH: 'main' });
const head = () => sh('git rev-parse main', origin).trim();
/** A file as it is on the origin's main branch. */
const show = (path: string) => sh(`git show main:${path}`, origin);

/** The status-update job for one issue, its `if:` conditions as GitHub evaluates them. */
async function postIssue(number: number, author: string, body: string, at: string) {
  writeFileSync(join(runner, 'output'), '');
  writeFileSync(ghLog, '');
  const env = { ...common(), AUTHOR: author, NUMBER: String(number), BODY: body, AT: at };
  const permission = await step(run('permission', POST), env);
  // Only the write step has the bot token, and there only git's fetch and push (the npx stub checks).
  if (permission.code === 0) await step(run('write', POST), { ...env, TOKEN: 'bot-token' });
  const ok = readFileSync(join(runner, 'output'), 'utf8').trim();
  if (ok === 'ok=true') await step(reply('Reply with the link and close'), env);
  if (ok === 'ok=false' || permission.code !== 0) await step(reply('Reply with the errors'), env);
  return { ok, gh: readFileSync(ghLog, 'utf8') };
}
/** The issue-forms job, after a push. */
async function refreshForms() {
  const r = await step(run('forms', FORMS), { ...common(), TOKEN: 'workflow-token' });
  expect(r.code, r.stderr).toBe(0);
  return show('.github/ISSUE_TEMPLATE/status-update.yml');
}
/** `candor lint` on the origin's main branch, strictly: no error and no warning either (lint has no --strict flag). */
function lintStrict() {
  const check = mkdtempSync(join(base, 'check-'));
  sh(`git clone --quiet --branch main ${origin} repo`, check);
  const r = candor(['lint', '--format', 'json', '--root', join(check, 'repo')]);
  const { errors, warnings, findings } = JSON.parse(r.stdout) as { errors: number; warnings: number; findings: unknown[] };
  return { code: r.code || errors || warnings, stdout: JSON.stringify(findings, null, 1), stderr: r.stderr };
}
const minute = (n: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + (n - 10) * 60_000).toISOString().replace('.000Z', 'Z');

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const answer = await fake.fetch(`http://localhost${req.url}`, { method: req.method });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  fake.permissions.set('oncall', { permission: 'write', role_name: 'write' });
  fake.permissions.set('triager', { permission: 'read', role_name: 'triage' });
  // The repository as `candor init` would leave it: config and generated forms, no incident yet.
  const seed = join(base, 'seed');
  sh(`git init --quiet --bare --initial-branch=main origin.git && git init --quiet --initial-branch=main seed`, base);
  writeFileSync(join(seed, 'candor.config.yaml'), MINIMAL_CONFIG);
  expect(candor(['github', 'issue-forms', '--root', seed]).code).toBe(0);
  sh('git add -A && git commit --quiet -m site && git push --quiet ../origin.git HEAD:main', seed);
  mkdirSync(runner, { recursive: true });
  sh(`git clone --quiet ${origin} repo && mkdir bin`, runner);
  // npx runs the CLI; gh records what the workflow would say on the issue.
  writeFileSync(join(bin, 'npx'), `#!/bin/bash\n[ "$1" = candor ] && shift\n[ -z "\${TOKEN:-}" ] || { echo "the CLI saw the token" >&2; exit 9; }\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  writeFileSync(join(bin, 'gh'), `#!/bin/bash\necho "gh $1 $2 $3" >> "${ghLog}"\nif [ "\${4:-}" = --body-file ]; then cat "$5" >> "${ghLog}"; fi\n`);
  for (const f of ['npx', 'gh']) chmodSync(join(bin, f), 0o755);
});
afterAll(() => server?.close());

// Each step starts the CLI several times (write, lint, forms): slow on a loaded 2-core machine.
describe('posting from a phone, all of it', { timeout: 180_000 }, () => {
  const title = 'Card payments <b>fail</b> in Europe';
  let id = '';
  let statusForm = '';

  it('opens an incident from the "Open an incident" form; the update form then lists it', async () => {
    const openForm = show('.github/ISSUE_TEMPLATE/open-incident.yml');
    statusForm = show('.github/ISSUE_TEMPLATE/status-update.yml');
    expect(parse(statusForm).body[0].attributes.options).toEqual([NONE_OPEN]);
    const body = issueBody(openForm, {
      title,
      impact: 'major',
      components: [optionFor(openForm, 'components', 'api'), optionFor(openForm, 'components', 'web')],
      regions: [optionFor(openForm, 'regions', 'eu')],
      message: 'Some card payments fail. Retrying usually works.',
      next: '30',
      state: 'partial_outage',
    });
    const r = await postIssue(1, 'oncall', body, minute(0));
    expect(r.ok).toBe('ok=true');
    expect(r.gh).toMatch(/^gh issue comment 1\nPosted\./);
    expect(r.gh).toContain('gh issue close 1');
    const added = sh('git show --name-only --format=%s main', origin).trim().split('\n');
    expect(added[0]).toBe('Status update from #1 by @oncall');
    id = added[2]!.split('/')[1]!;
    expect(id).toMatch(/^\d{4}-\d\d-\d\d-card-payments-b-fail-b-in-europe$/);
    const index = parse(show(`incidents/${id}/index.md`).split('---\n')[1]!);
    expect(index).toMatchObject({ title, kind: 'incident', impact: 'major', components: ['api', 'web'], regions: ['eu'] });
    const first = show(added.find((f) => /\/\d{4}-\d\d-\d\dT\d{4}Z\.md$/.test(f))!);
    expect(first).toContain('status: investigating');
    expect(parse(first.split('---\n')[1]!).components).toEqual({ api: 'partial_outage', web: 'partial_outage' });
    const lint = lintStrict();
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);

    statusForm = await refreshForms();
    expect(parse(statusForm).body[0].attributes.options).toEqual([`${title} — ${id.slice(0, 10)} (${id})`]);
    expect(sh('git log -1 --format=%s main', origin)).toMatch(/^Issue forms: /);
    // Nothing changed since: no commit.
    const before = head();
    await refreshForms();
    expect(head()).toBe(before);
  });

  it('posts an update to the incident chosen from the list', async () => {
    const body = issueBody(statusForm, { incident: optionFor(statusForm, 'incident', id), status: 'identified', message: 'We found the cause: a certificate expired.', next: '30' });
    const r = await postIssue(2, 'oncall', body, minute(1));
    expect(r.ok).toBe('ok=true');
    const files = readdirSync(join(clone, 'incidents', id)).sort();
    expect(files).toHaveLength(3);
    expect(show(`incidents/${id}/${files[1]}`)).toMatch(/status: identified[\s\S]*\n---\nWe found the cause: a certificate expired\.\n$/);
    expect(lintStrict().code).toBe(0);
  });

  it('sets component states on an update', async () => {
    const body = issueBody(statusForm, {
      incident: optionFor(statusForm, 'incident', id),
      status: 'monitoring',
      message: 'A new certificate is in place; payments are recovering.',
      next: '30',
      components: [optionFor(statusForm, 'components', 'api')],
      state: 'degraded_performance',
    });
    const r = await postIssue(3, 'oncall', body, minute(2));
    expect(r.ok).toBe('ok=true');
    const latest = readdirSync(join(clone, 'incidents', id)).sort().at(-2)!;
    expect(parse(show(`incidents/${id}/${latest}`).split('---\n')[1]!)).toMatchObject({ status: 'monitoring', components: { api: 'degraded_performance' } });
    expect(lintStrict().code).toBe(0);
  });

  it('resolves it; the list then offers no incident', async () => {
    const body = issueBody(statusForm, { incident: optionFor(statusForm, 'incident', id), status: 'resolved', message: 'Card payments work normally again.', data_loss: 'none' });
    const r = await postIssue(4, 'oncall', body, minute(3));
    expect(r.ok).toBe('ok=true');
    const latest = readdirSync(join(clone, 'incidents', id)).sort().at(-2)!;
    expect(parse(show(`incidents/${id}/${latest}`).split('---\n')[1]!)).toMatchObject({ status: 'resolved', data_loss: 'none' });
    const lint = lintStrict();
    expect(lint.code, lint.stdout + lint.stderr).toBe(0);
    expect(parse(await refreshForms()).body[0].attributes.options).toEqual([NONE_OPEN]);
  });

  it('a choice from a list gone stale (the incident was resolved since) is answered, not posted, and nothing reopens', async () => {
    const before = head();
    const body = issueBody(statusForm, { incident: optionFor(statusForm, 'incident', id), status: 'identified', message: 'Still looking.', next: '30' });
    const r = await postIssue(5, 'oncall', body, minute(4));
    expect(r.ok).toBe('ok=false');
    expect(head()).toBe(before);
    expect(r.gh).toContain(`gh issue comment 5\nNothing was posted:\n\n\`\`\`\ncandor: "Incident": ${id} (${title}) is already resolved, so nothing was posted: the form's list was out of date;`);
    expect(r.gh).not.toContain('gh issue close');
  });

  it('refuses someone who can open issues but not push (triage), before anything is written', async () => {
    const before = head();
    const openForm = show('.github/ISSUE_TEMPLATE/open-incident.yml');
    const body = issueBody(openForm, { title: 'Everything is down', impact: 'critical', components: [optionFor(openForm, 'components', 'api')], message: 'Down.', next: '30' });
    for (const [n, who, access] of [[6, 'triager', 'read'], [7, 'stranger', 'none']] as const) {
      const r = await postIssue(n, who, body, minute(5));
      expect(r.ok).toBe('');
      expect(r.gh).toBe(`gh issue comment ${n}\nNothing was posted:\n\n\`\`\`\ncandor: @${who} has ${access} access to acme/status; posting to the status page needs write access. Ask a maintainer to post it, or to give you write access.\n\`\`\`\n`);
      expect(head()).toBe(before);
    }
    expect(existsSync(join(clone, 'incidents'))).toBe(true);
    expect(readdirSync(join(clone, 'incidents'))).toEqual([id]);
  });

  it('answers hostile values with the reason, and no backtick closes the reply\'s code block', async () => {
    const before = head();
    const openForm = show('.github/ISSUE_TEMPLATE/open-incident.yml');
    const body = issueBody(openForm, { title: '```\n@everyone', impact: 'major', components: [optionFor(openForm, 'components', 'api')], message: 'x'.repeat(6000), next: '30' });
    const r = await postIssue(8, 'oncall', body, minute(6));
    expect(r.ok).toBe('ok=false');
    expect(head()).toBe(before);
    const replyBody = r.gh.split('\n').slice(1).join('\n');
    expect(replyBody.match(/```/g)).toHaveLength(2);
    expect(replyBody).toContain('"Title" should be one line');
    expect(replyBody).toContain('"Message to customers" is 6000 characters long: keep it under 5000');
  });
});
