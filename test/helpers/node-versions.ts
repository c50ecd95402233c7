// Other Node versions for the tests that check what users on them see, from the npm registry (package
// `node@<version>`, the way .ci/run provisions Node 24), cached across runs under ~/.cache/candor.
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

/** Node 20: Debian's own where it is the system Node, as on these machines; otherwise (CI runners) from npm. */
export function node20(): string {
  const system = '/usr/bin/node';
  if (existsSync(system) && execFileSync(system, ['--version'], { encoding: 'utf8' }).startsWith('v20.')) return system;
  return nodeBinary('20');
}

/** npm's own script, to run npm with an old Node as a user on that Node would (the npm tests run with). */
export const NPM_CLI = realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());

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
