// Never twice: the notify job's own steps (deploy.yml), run for real against a local origin and loopback receivers.
// The final ledger push is rejected after every message went out; the re-run of the job must send nothing again.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GIT_IDENTITY } from '../helpers/git-repo.ts';
import { CLI, REPO } from '../helpers/paths.ts';
import { httpReceiver, type HttpReceiver } from '../helpers/receivers.ts';
import { md, MINIMAL_CONFIG } from '../helpers/testdir.ts';

interface Step { name?: string; run?: string; 'working-directory'?: string }
const steps = (parse(readFileSync(join(REPO, '.github/workflows/deploy.yml'), 'utf8')) as { jobs: { notify: { steps: Step[] } } }).jobs.notify.steps;
const INC = 'incidents/2026-11-23-api';

let http: HttpReceiver;
beforeAll(async () => void (http = await httpReceiver()));
afterAll(async () => http?.close());

describe('the notify job when the ledger push fails', () => {
  it('sends each message once: a re-run after the rejected push reports them unsure and sends none again', async () => {
    const base = mkdtempSync(join(tmpdir(), 'candor-twice-'));
    const sh = (script: string, cwd: string, env: Record<string, string> = {}) => execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const seed = join(base, 'seed');
    sh('git init --quiet --bare --initial-branch=main origin.git && git init --quiet --initial-branch=main seed', base);
    writeFileSync(join(seed, 'candor.config.yaml'), `${MINIMAL_CONFIG}notifications:\n  retries: 0\n  channels:\n    - { id: chat, type: slack, url_secret: SLACK_URL }\n    - { id: hook, type: webhook, url_secret: HOOK_URL, signing_secret: HOOK_SECRET }\n`);
    sh('git add -A && git commit --quiet -m config && git push --quiet ../origin.git HEAD:main', seed);
    const before = sh('git rev-parse HEAD', seed).trim();
    mkdirSync(join(seed, INC), { recursive: true });
    writeFileSync(join(seed, INC, 'index.md'), md({ kind: 'incident', title: 'API errors', impact: 'major', components: ['api'], started: '2026-11-23T09:00:00Z' }));
    writeFileSync(join(seed, INC, '2026-11-23T0905Z.md'), md({ status: 'investigating', next_update: '2026-11-23T10:00:00Z' }, 'Some requests fail.'));
    sh('git add -A && git commit --quiet -m incident && git push --quiet ../origin.git HEAD:main', seed);
    const sha = sh('git rev-parse HEAD', seed).trim();

    const bin = join(base, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'npx'), `#!/bin/bash\n[ "$1" = candor ] && shift\nexec "${process.execPath}" "${CLI}" "$@" --now 2026-11-23T12:00:00Z\n`);
    chmodSync(join(bin, 'npx'), 0o755);
    const secrets = JSON.stringify({ SLACK_URL: `${http.url}/chat`, HOOK_URL: `${http.url}/hook`, HOOK_SECRET: `whsec_${Buffer.from('a test secret of thirty-two bytes').toString('base64')}` });

    /** One attempt of the notify job: its steps in order, stopping at the first failure except for `always()` ones. */
    // The receivers live in this process: steps run without blocking it.
    const step$ = async (script: string, cwd: string, env: Record<string, string>) => (await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { cwd, env: { ...process.env, ...GIT_IDENTITY, ...env }, encoding: 'utf8' })).stdout;
    const attempt = async (n: number) => {
      const temp = join(base, `runner-${n}`);
      const clone = join(temp, 'repo');
      // As the download step leaves it: one folder, here empty (the mirror has no deploy target).
      mkdirSync(join(temp, 'deployed'), { recursive: true });
      sh(`git clone --quiet --branch main ${join(base, 'origin.git')} ${clone}`, base);
      const env = { RUNNER_TEMP: temp, GITHUB_RUN_ID: '77', GITHUB_RUN_ATTEMPT: String(n), GITHUB_SHA: sha, GITHUB_STEP_SUMMARY: join(temp, 'summary.md'), BEFORE: before, TOKEN: 'token', CANDOR_SECRETS: secrets, CANDOR_NOTIFY_BACKOFF_MS: '1', PATH: `${bin}:${process.env.PATH}` };
      const ran: Record<string, string> = {};
      let failed = false;
      for (const name of ['Check out the ledger', 'Reserve what this run will send', 'Save the reservations', 'Send new updates', 'Save the ledger']) {
        if (failed && name !== 'Save the ledger') continue;
        const step = steps.find((s) => s.name === name)!;
        try {
          ran[name] = await step$(step.run!, step['working-directory'] ? join(temp, 'ledger') : clone, env);
        } catch (e) {
          failed = true;
          ran[name] = `FAILED ${(e as { stdout?: string }).stdout ?? ''}${(e as { stderr?: string }).stderr ?? ''}`;
        }
      }
      return ran;
    };

    // The first attempt: reservations saved, everything sent, then the ledger push is rejected.
    writeFileSync(join(base, 'origin.git', 'hooks', 'pre-receive'), '#!/bin/sh\nwhile read old new ref; do\n  git log -1 --format=%s "$new" | grep -q "^Notifications for" && { echo "rejected by test" >&2; exit 1; }\ndone\nexit 0\n');
    chmodSync(join(base, 'origin.git', 'hooks', 'pre-receive'), 0o755);
    const first = await attempt(1);
    expect(first['Send new updates']).not.toMatch(/^FAILED/);
    expect(first['Save the ledger']).toMatch(/^FAILED[\s\S]*rejected by test/);
    expect(http.delivered('/chat')).toHaveLength(1);
    expect(http.delivered('/hook')).toHaveLength(1);

    // The re-run, with the push working again: nothing is sent twice, and the job says why.
    const second = await attempt(2);
    expect(http.delivered('/chat')).toHaveLength(1);
    expect(http.delivered('/hook')).toHaveLength(1);
    expect(second['Send new updates']).toMatch(/^FAILED[\s\S]*unsure +chat ← 2026-11-23-api\/2026-11-23T0905Z: run 77\.1 was about to send it/);
    expect(readFileSync(join(base, 'runner-2', 'summary.md'), 'utf8')).toContain('**Unsure: 2 message(s)**');

    // A third attempt, or the next push: still nothing twice.
    await attempt(3);
    expect(http.requests.filter((r) => r.path === '/chat' || r.path === '/hook')).toHaveLength(2);
  });

  it('a run whose reservations cannot be saved sends nothing', () => {
    const reserve = steps.findIndex((s) => s.name === 'Save the reservations');
    const send = steps.findIndex((s) => s.name === 'Send new updates');
    expect(reserve).toBeGreaterThan(-1);
    expect(reserve).toBeLessThan(send);
    // Not `always()`: a failed reservation push stops the job before sending.
    expect((steps[reserve] as Step & { if?: string }).if).toBeUndefined();
  });
});
