// A build killed with SIGKILL (a cancelled CI job, an OOM kill): its Astro process stops instead of writing on,
// the output still shows the previous build whole, and the next build removes what the killed one left.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { APP_DIR } from '../../scripts/lib/astro.ts';
import { BUILDS } from '../../scripts/lib/staging.ts';
import { candor } from '../helpers/cli.ts';
import { CLI, FIXTURE_NOW, FIXTURES } from '../helpers/paths.ts';

/** Processes whose parent is `pid`: the build's Astro processes (scripts/lib/astro-child.ts). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        // The parent id is the 2nd field after the command in parentheses, which may itself hold spaces.
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const running = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

describe('a killed build', () => {
  it('stops its Astro process, keeps the old output whole, and leaves nothing the next build does not remove', async () => {
    const out = mkdtempSync(join(tmpdir(), 'candor-killed-'));
    const root = join(FIXTURES, 'hostile');
    expect(candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]).code).toBe(0);
    const before = readFileSync(join(out, 'main', 'index.html'), 'utf8');

    const build = spawn(process.execPath, [CLI, 'build', '--root', root, '--out', out, '--now', FIXTURE_NOW], { stdio: 'ignore' });
    // Until Astro runs and its folder exists.
    for (let i = 0; i < 120 && !childrenOf(build.pid!).length; i++) await sleep(250);
    const astro = childrenOf(build.pid!).filter((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('astro-child'));
    expect(astro.length).toBeGreaterThan(0);
    build.kill('SIGKILL');
    // Its IPC channel closes with it; allow the Astro process a moment to notice.
    for (let i = 0; i < 40 && astro.some(running); i++) await sleep(250);
    expect(astro.filter(running)).toEqual([]);
    // The old output is whole, through its link.
    expect(readFileSync(join(out, 'main', 'index.html'), 'utf8')).toBe(before);

    expect(candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]).code).toBe(0);
    expect(readdirSync(join(out, BUILDS))).toEqual([realpathSync(join(out, 'main')).split('/').pop()]);
    expect(readdirSync(join(APP_DIR, 'node_modules')).filter((f) => f.startsWith(`.candor-build-${build.pid}-`))).toEqual([]);
    expect(existsSync(join(out, 'main', 'rss.xml'))).toBe(true);
  }, 300_000);
});
