// Who may publish, and how posts from the issue form land: permission asked of GitHub (a fake one answering every
// level), the default branch only, no persisted credentials, and posts close together (even in the same minute,
// racing for the branch) all landing, none lost, none overwritten.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { github } from '../../scripts/github/client.ts';
import { formToArgs, readIssueForm } from '../../scripts/github/issue-form.ts';
import { mayPost } from '../../scripts/github/permission.ts';
import { shellQuote } from '../../scripts/lib/shell.ts';
import { SECRET_SLOTS } from '../../scripts/notify/secrets.ts';
import { FakeGitHub } from '../helpers/fake-github.ts';
import { GIT_IDENTITY } from '../helpers/git-repo.ts';
import { CLI, REPO } from '../helpers/paths.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown> }
interface Job { if?: string; needs?: string | string[]; steps: Step[] }
const workflow = (f: string) => parse(readFileSync(join(REPO, '.github', 'workflows', f), 'utf8')) as { jobs: Record<string, Job> };
const repo = { owner: 'acme', repo: 'status' };

describe('who may post from an issue', () => {
  const levels: [string, { permission: string; role_name: string } | undefined, boolean][] = [
    ['admin', { permission: 'admin', role_name: 'admin' }, true],
    ['maintain', { permission: 'write', role_name: 'maintain' }, true],
    ['write', { permission: 'write', role_name: 'write' }, true],
    ['triage', { permission: 'read', role_name: 'triage' }, false],
    ['read', { permission: 'read', role_name: 'read' }, false],
    ['an organisation member without access', { permission: 'none', role_name: 'none' }, false],
    ['a stranger (not a collaborator)', undefined, false],
  ];
  for (const [who, answer, allowed] of levels) {
    it(`${allowed ? 'lets' : 'refuses'} ${who}`, async () => {
      const fake = new FakeGitHub();
      if (answer) fake.permissions.set('octo', answer);
      const result = await mayPost(github({ token: 't', fetch: fake.fetch as typeof fetch }), repo, 'octo');
      expect(result.ok).toBe(allowed);
      if (!result.ok) expect(result.reason).toBe(`@octo has ${answer?.permission ?? 'none'} access to acme/status; posting to the status page needs write access. Ask a maintainer to post it, or to give you write access.`);
      expect(fake.requests).toEqual(['GET /repos/acme/status/collaborators/octo/permission']);
    });
  }

  it('refuses when GitHub cannot answer, rather than guessing', async () => {
    const fetch500 = (async () => new Response('{"message":"boom"}', { status: 500, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    await expect(mayPost(github({ token: 't', fetch: fetch500, }), repo, 'octo')).rejects.toThrow();
  });

  it('the workflow asks GitHub before writing, not author_association, and persists no credentials', () => {
    const job = workflow('site-status-update.yml').jobs.post!;
    expect(JSON.stringify(job)).not.toContain('author_association');
    const names = job.steps.map((s) => s.name ?? s.uses ?? s.run);
    expect(names.indexOf('Check that the author may post')).toBeLessThan(names.indexOf('Write, commit and push the update'));
    const check = job.steps.find((s) => s.id === 'permission')!;
    expect(check.run).toBe('npx candor github may-post --user="$AUTHOR" 2> "$RUNNER_TEMP/err.txt"');
    expect(job.steps.find((s) => s.id === 'write')!.if).toBeUndefined(); // runs only when the check succeeded
    expect(job.steps[0]!.with).toEqual({ 'persist-credentials': false });
    // The bot token reaches only the write step, and there only git's fetch and push, never the CLI.
    expect(job.steps.filter((s) => JSON.stringify(s).includes('CANDOR_BOT_TOKEN')).map((s) => s.id)).toEqual(['write']);
    expect(job.steps.find((s) => s.id === 'write')!.run).toContain('env -u TOKEN npx candor github issue-update');
  });
});

describe('the issue form', () => {
  const form = (message: string, status = 'identified') => `### Incident\n\n2026-11-23-api\n\n### Status\n\n${status}\n\n### Message to customers\n\n${message}\n\n### Next update in (minutes)\n\n30\n\n### Was any customer data lost?\n\n_No response_\n`;

  it('keeps a message holding "### " headings whole, and a "### Status" line in it overrides nothing', () => {
    const message = 'We found the cause.\n\n### Workaround\n\nUse the US endpoint.\n\n### Status\n\nresolved\n\n### Next update in (minutes)\n\n5';
    const r = formToArgs(form(message), '2026-11-23T10:00:00Z');
    expect(r).toEqual({ ok: true, mode: 'update', incident: '2026-11-23-api', argv: ['--yes', `--body=${message}`, '--at=2026-11-23T10:00:00Z', '--status=identified', '--next-update=30', '--', '2026-11-23-api'] });
  });

  it('says what it cannot place instead of dropping it', () => {
    expect(readIssueForm(`A note before the form\n\n${form('Hi')}`).problems).toEqual(['text above "### Incident" would be lost:\nA note before the form\nput it in "Message to customers"']);
    const edited = form('Hi').replace('### Next update in (minutes)', '### Next update');
    expect(readIssueForm(edited).problems[0]).toMatch(/^the heading "### Next update in \(minutes\)" is missing/);
    const r = formToArgs(form('Hi', 'identified\nand more'), 'x');
    expect(r.ok).toBe(false);
  });
});

describe('posting races', () => {
  const sh = (script: string, cwd: string, env: Record<string, string> = {}) => execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8' });
  const INC = 'incidents/2026-11-23-api';
  const formBody = (message: string) => `### Incident\n\n2026-11-23-api\n\n### Status\n\nidentified\n\n### Message to customers\n\n${message}\n\n### Next update in (minutes)\n\n30\n\n### Was any customer data lost?\n\n_No response_\n`;

  it('two posts in the same minute, the second pushing after the first moved the branch: both land, neither overwritten', () => {
    const step = workflow('site-status-update.yml').jobs.post!.steps.find((s) => s.id === 'write')!.run!;
    const base = mkdtempSync(join(tmpdir(), 'candor-race-'));
    const seed = join(base, 'seed');
    sh(`git init --quiet --bare --initial-branch=main origin.git && git init --quiet --initial-branch=main seed`, base);
    writeFileSync(join(seed, 'candor.config.yaml'), MINIMAL_CONFIG);
    sh(`mkdir -p ${INC}`, seed);
    writeFileSync(join(seed, INC, 'index.md'), md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }));
    writeFileSync(join(seed, INC, '2026-11-23T0905Z.md'), md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Some requests fail.'));
    sh('git add -A && git commit --quiet -m site && git push --quiet ../origin.git HEAD:main', seed);
    const runner = (name: string) => {
      const temp = join(base, name);
      sh(`mkdir -p ${name}/bin && git clone --quiet origin.git ${name}/repo`, base);
      return { temp, clone: join(temp, 'repo'), bin: join(temp, 'bin'), output: join(temp, 'output') };
    };
    const a = runner('a');
    const b = runner('b');
    const env = (r: ReturnType<typeof runner>, at: string, message: string, number: string) => {
      writeFileSync(r.output, '');
      return { RUNNER_TEMP: r.temp, GITHUB_OUTPUT: r.output, BODY: formBody(message), AT: at, NUMBER: number, AUTHOR: `user${number}`, BRANCH: 'main', TOKEN: 'bot-token', PATH: `${r.bin}:${process.env.PATH}` };
    };
    const stub = (r: ReturnType<typeof runner>, before = '') => {
      writeFileSync(join(r.bin, 'npx'), `#!/bin/bash\n${before}\n[ "$1" = candor ] && shift\n[ -z "\${TOKEN:-}" ] || { echo "the CLI saw the token" >&2; exit 9; }\nexec "${process.execPath}" "${CLI}" "$@"\n`);
      chmodSync(join(r.bin, 'npx'), 0o755);
    };
    stub(a);
    // B's first write happens while A lands: A's whole step runs inside B's first attempt, so B's push is refused.
    const aEnv = env(a, '2026-11-23T09:40:12Z', 'First poster: we found the cause.', '1');
    writeFileSync(join(b.temp, 'a-step.sh'), `${Object.entries(aEnv).map(([k, v]) => `export ${k}=${shellQuote(v)}`).join('\n')}\n${step}`);
    stub(b, `if [ ! -e "${b.temp}/raced" ]; then touch "${b.temp}/raced"; (cd "${a.clone}" && bash -euo pipefail "${b.temp}/a-step.sh") >&2; fi`);
    sh(step, b.clone, env(b, '2026-11-23T09:40:48Z', 'Second poster: the fix is rolling out.', '2'));

    expect(readFileSync(a.output, 'utf8')).toBe('ok=true\n');
    expect(readFileSync(b.output, 'utf8')).toBe('ok=true\n');
    const check = join(base, 'check');
    sh(`git clone --quiet --branch main origin.git check`, base);
    expect(readFileSync(join(check, INC, '2026-11-23T0940Z.md'), 'utf8')).toContain('First poster');
    expect(readFileSync(join(check, INC, '2026-11-23T094048Z.md'), 'utf8')).toContain('Second poster');
    expect(sh('git log --format=%s', check).trim().split('\n')).toEqual(['Status update from #2 by @user2', 'Status update from #1 by @user1', 'site']);
    // Nothing of the token stays in either clone's config.
    for (const r of [a, b]) expect(readFileSync(join(r.clone, '.git', 'config'), 'utf8')).not.toMatch(/extraheader|bot-token/);
    expect(existsSync(join(b.temp, 'raced'))).toBe(true);
  });
});

describe('deploy', () => {
  const { jobs } = workflow('site-deploy.yml');

  it('runs only on the default branch: the plan checks it, and every other job needs the plan', () => {
    expect(jobs.plan!.if).toBe("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
    for (const [name, job] of Object.entries(jobs)) if (name !== 'plan') expect([job.needs].flat(), name).toContain('plan');
  });

  it('hands the notify step only the secrets the config names, never the GitHub token', () => {
    const send = jobs.notify!.steps.find((s) => s.name === 'Send new updates')!;
    const env = JSON.stringify(send.env);
    expect(env).not.toMatch(/toJSON\(secrets\)|github\.token|GITHUB_TOKEN/);
    const slots = Object.entries(send.env!).filter(([k]) => /^CANDOR_SECRET_\d+$/.test(k));
    expect(slots.map(([, v]) => v)).toEqual(Array.from({ length: SECRET_SLOTS }, (_, i) => `\${{ secrets[fromJSON(needs.plan.outputs.notify_secrets)[${i}]] }}`));
    expect(send.env!.CANDOR_SECRET_NAMES).toBe('${{ needs.plan.outputs.notify_secrets }}');
  });
});
