// What a helper program prints, for the steps that ask another tool rather than walk or read in Node (GNU find for
// output listings, git for the incident files' ids). Each has a fallback, so "could not run" is an answer, not an
// error: the program missing, failing, or exiting with anything but 0.
import { spawn, type SpawnOptions } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The program's standard output once it exits with 0; undefined when it could not start or did not succeed.
 *
 * The output goes to a file of its own, not through a pipe. A pipe holds 64 KB, and these programs print megabytes
 * (find over an output of 35,000 pages, 4 MB; git's ids of 45,000 files): each piece waited for this thread to read
 * it, and this thread is busy loading the content meanwhile. The five-language mirror's listing, 0.4 s of work
 * alone, was ready 2.8 s after it started; written to a file, it is done while the content loads.
 */
export function outputOf(command: string, args: string[], options: Pick<SpawnOptions, 'cwd' | 'env'> = {}): Promise<Buffer | undefined> {
  const file = join(tmpdir(), `candor-output-${process.pid}-${randomUUID()}`);
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (succeeded: boolean) => {
      if (settled) return;
      settled = true;
      let output: Buffer | undefined;
      try {
        if (succeeded) output = readFileSync(file);
      } catch {
        output = undefined;
      }
      rmSync(file, { force: true });
      resolve(output);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { ...options, stdio: ['ignore', fd, 'ignore'] });
    } catch {
      closeSync(fd);
      return settle(false);
    }
    // The child holds its own copy of the descriptor from here on.
    closeSync(fd);
    child.on('error', () => settle(false));
    child.on('close', (code) => settle(code === 0));
  });
}
