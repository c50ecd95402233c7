// Runs the real CLI as a subprocess, as a user or CI would.
import { spawnSync } from 'node:child_process';
import { CLI, REPO } from './paths.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function candor(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
