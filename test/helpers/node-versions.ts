// Other Node versions for the tests that check what users on them see, from the npm registry (package
// `node@<version>`, the way .ci/run provisions Node 24), cached across runs under ~/.cache/candor.
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

/** The system Node on these machines (Debian's 20), which must be refused with one line. */
export const SYSTEM_NODE = '/usr/bin/node';

/** The path of a `node` binary of this exact version, installed on first use. */
export function nodeBinary(version: string): string {
  const home = join(process.env.CANDOR_NODE_CACHE ?? join(homedir(), '.cache', 'candor'), `node${version}`);
  const bin = join(home, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(bin)) {
    mkdirSync(home, { recursive: true });
    // npm's own Node runs this install; it is the one that runs the tests, so it is new enough.
    execFileSync('npm', ['install', '--prefix', home, '--no-audit', '--no-fund', '--loglevel=error', `node@${version}`], { stdio: 'inherit' });
  }
  return bin;
}
