// What a helper program prints, for the steps that ask another tool rather than walk or read in Node (GNU find for
// output listings, git for the incident files' ids). Each has a fallback, so "could not run" is an answer, not an
// error: the program missing, failing, or exiting with anything but 0.
import { spawn, type SpawnOptions } from 'node:child_process';

/** The program's standard output once it exits with 0; undefined when it could not start or did not succeed. */
export function outputOf(command: string, args: string[], options: Pick<SpawnOptions, 'cwd' | 'env'> = {}): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => resolve(undefined));
    child.on('close', (code) => resolve(code === 0 ? Buffer.concat(chunks) : undefined));
  });
}
