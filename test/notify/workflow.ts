// The notify job of .github/workflows/site-deploy.yml (the deploy this repository and every site run), run for
// real: its steps' own scripts, in their order, with the variables GitHub gives them, against a local origin (a bare repository, with the candor-ledger branch) and
// receivers on loopback. `npx candor` is the real command through loopback-cli.ts: only the address policy and
// the waits differ from production. A re-run is a new attempt of the same run id; the next push a new run id.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { GIT_IDENTITY } from '../helpers/git-repo.ts';
import { REPO } from '../helpers/paths.ts';
import { LOOPBACK_CLI } from './cli.ts';

interface Step { name?: string; run?: string; if?: string; 'working-directory'?: string }
export const NOTIFY_STEPS = (parse(readFileSync(join(REPO, '.github/workflows/site-deploy.yml'), 'utf8')) as { jobs: { notify: { steps: Step[] } } }).jobs.notify.steps;

/** The steps a notify attempt runs here, in the workflow's order (checkout, setup-node, npm ci and the artifact download are GitHub's). */
const RUN_STEPS = NOTIFY_STEPS.filter((s) => s.run && s.run !== 'npm ci').map((s) => s.name!);

const sh = (script: string, cwd: string, env: Record<string, string> = {}) => execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
// The receivers live in this process: steps must run without blocking it.
const step$ = async (script: string, cwd: string, env: Record<string, string>) => (await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8' })).stdout;

export interface Attempt {
  /** Each step's output, or `FAILED …` with its output and errors. */
  steps: Record<string, string>;
  summary: string;
}

export interface Workflow {
  /** Commits the files on main and pushes them to the origin; returns the commit. */
  push(files: Record<string, string>): string;
  /**
   * One attempt of the notify job for `sha` (default: main's head): run `run`, attempt `attempt`, as GitHub runs it
   * (a failed step stops the job except for `always()` steps).
   */
  attempt(run: number, attempt: number, sha?: string): Promise<Attempt>;
  /** A file of the candor-ledger branch as pushed to the origin, or undefined. */
  ledgerFile(name: string): string | undefined;
  /** Makes the origin refuse (or accept again) the ledger pushes of the final step. */
  rejectFinalPush(on: boolean): void;
  /** A shell in a fresh checkout of the candor-ledger branch, as an on-call engineer would use one. */
  onLedger(script: string): string;
}

export function workflow(config: string, secrets: Record<string, string>, now = '2026-11-23T12:00:00Z'): Workflow {
  const base = mkdtempSync(join(tmpdir(), 'candor-workflow-'));
  const origin = join(base, 'origin.git');
  const seed = join(base, 'seed');
  sh('git init --quiet --bare --initial-branch=main origin.git && git init --quiet --initial-branch=main seed', base);
  const push = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(seed, path)), { recursive: true });
      writeFileSync(join(seed, path), text);
    }
    sh('git add -A && git commit --quiet -m content && git push --quiet ../origin.git HEAD:main', seed);
    return sh('git rev-parse HEAD', seed).trim();
  };
  push({ 'candor.config.yaml': config });

  const bin = join(base, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'npx'), `#!/bin/bash\n[ "$1" = candor ] && shift\nexec "${process.execPath}" "${LOOPBACK_CLI}" "$@" --now ${now}\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  // As the Send step fills them: the secret names the plan job lists, each in a numbered slot.
  const names = Object.keys(secrets);
  const slots = Object.fromEntries(names.map((name, i) => [`CANDOR_SECRET_${i + 1}`, secrets[name]!]));
  const hook = join(origin, 'hooks', 'pre-receive');

  return {
    push,
    async attempt(run, attempt, sha) {
      const temp = join(base, `runner-${run}-${attempt}`);
      const clone = join(temp, 'repo');
      // As the download step leaves it: one folder, here empty (the mirror has no deploy target).
      mkdirSync(join(temp, 'deployed'), { recursive: true });
      sh(`git clone --quiet --branch main ${origin} ${clone}`, base);
      const head = sha ?? sh('git rev-parse HEAD', clone).trim();
      sh(`git checkout --quiet --detach ${head}`, clone);
      const before = sh(`git rev-parse ${head}^`, clone).trim();
      const env = {
        RUNNER_TEMP: temp, GITHUB_RUN_ID: String(run), GITHUB_RUN_ATTEMPT: String(attempt), GITHUB_SHA: head, GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
        BEFORE: before, TOKEN: 'token', CANDOR_SECRET_NAMES: JSON.stringify(names), ...slots, PATH: `${bin}:${process.env.PATH}`,
      };
      writeFileSync(env.GITHUB_STEP_SUMMARY, '');
      const steps: Record<string, string> = {};
      let failed = false;
      for (const name of RUN_STEPS) {
        const step = NOTIFY_STEPS.find((s) => s.name === name)!;
        if (failed && !step.if?.includes('always()')) continue;
        try {
          steps[name] = await step$(step.run!, step['working-directory'] ? join(temp, 'ledger') : clone, env);
        } catch (e) {
          failed = true;
          steps[name] = `FAILED ${(e as { stdout?: string }).stdout ?? ''}${(e as { stderr?: string }).stderr ?? ''}`;
        }
      }
      return { steps, summary: readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8') };
    },
    ledgerFile(name) {
      try {
        return execFileSync('git', ['--git-dir', origin, 'show', `candor-ledger:${name}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        return undefined;
      }
    },
    rejectFinalPush(on) {
      if (!on) return rmSync(hook, { force: true });
      writeFileSync(hook, '#!/bin/sh\nwhile read old new ref; do\n  git log -1 --format=%s "$new" | grep -q "^Notifications for" && { echo "rejected by test" >&2; exit 1; }\ndone\nexit 0\n');
      chmodSync(hook, 0o755);
    },
    onLedger(script) {
      const dir = mkdtempSync(join(base, 'on-call-'));
      sh(`git clone --quiet --branch candor-ledger ${origin} ledger`, dir);
      return sh(script, join(dir, 'ledger'), { PATH: `${bin}:${process.env.PATH}` });
    },
  };
}
