// Running git in the repository: what the workflow tasks and notifications read history with.
import { execFileSync } from 'node:child_process';

/** git's output for `args`, run in `root`; throws (with git's message) when git fails. */
export function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** git's output as bytes (file contents are not always text), with `input` on its stdin. */
export function gitBytes(root: string, args: string[], input?: string): Buffer {
  return execFileSync('git', args, { cwd: root, input, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}
