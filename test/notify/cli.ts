// Starting `candor notify` from a notify test: the real command through test/notify/loopback-cli.ts (loopback
// receivers allowed, short waits), without blocking this process, whose receivers must keep answering.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { CliRun } from '../helpers/cli.ts';
import { REPO } from '../helpers/paths.ts';

export const LOOPBACK_CLI = join(REPO, 'test', 'notify', 'loopback-cli.ts');

export function notifyAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [LOOPBACK_CLI, 'notify', ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
