// A build killed with SIGKILL (a cancelled CI job, an OOM kill): its render threads die with it, the output still
// shows the previous build whole, and the next build removes what the killed one left. A compile of the pages
// runs in a process of its own (scripts/lib/render/compile-child.ts), which stops when the build that started it dies.
import { fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BUILDS } from '../../scripts/lib/staging.ts';
import { candor } from '../helpers/cli.ts';
import { CLI, FIXTURE_NOW, FIXTURES, REPO } from '../helpers/paths.ts';

const running = (pid: number) => existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

describe('a killed build', () => {
  it('keeps the old output whole, and leaves nothing the next build does not remove', async () => {
    const out = mkdtempSync(join(tmpdir(), 'candor-killed-'));
    const root = join(FIXTURES, 'hostile');
    expect(candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]).code).toBe(0);
    const before = readFileSync(join(out, 'main', 'index.html'), 'utf8');

    const build = spawn(process.execPath, [CLI, 'build', '--root', root, '--out', out, '--now', FIXTURE_NOW, '--full'], { stdio: 'ignore' });
    // Until its staging folder exists: the render threads are writing into it.
    const staging = () => readdirSync(join(out, BUILDS)).filter((f) => f.includes(`-${build.pid}-`));
    for (let i = 0; i < 240 && !staging().length; i++) await sleep(50);
    expect(staging().length).toBeGreaterThan(0);
    const gone = once(build, 'exit');
    build.kill('SIGKILL');
    // Reaped, not only dead: the next build removes the folders of processes that no longer exist.
    await gone;
    // The old output is whole, through its link.
    expect(readFileSync(join(out, 'main', 'index.html'), 'utf8')).toBe(before);

    expect(candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]).code).toBe(0);
    // The output and the spare (the first build's output, replaced by this one); nothing of the killed build.
    expect(readdirSync(join(out, BUILDS)).sort()).toEqual(['.spare-main', realpathSync(join(out, 'main')).split('/').pop()]);
    expect(existsSync(join(out, 'main', 'rss.xml'))).toBe(true);
  }, 300_000);

  it('stops a compile of the pages when the build that started it is gone', async () => {
    // A parent that dies closes the IPC channel, mid-compile: the compile stops rather than finish for nobody.
    const work = mkdtempSync(join(tmpdir(), 'candor-compile-'));
    const child = fork(join(REPO, 'scripts/lib/render/compile-child.ts'), [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const exited = once(child, 'exit');
    child.send({ outDir: join(work, 'out'), cacheDir: join(work, 'cache') });
    await sleep(1000);
    expect(running(child.pid!)).toBe(true);
    child.disconnect();
    const [code] = await exited;
    expect(code).toBe(1);
    expect(existsSync(join(work, 'out', 'server', 'entry.mjs'))).toBe(false);
  }, 60_000);
});
