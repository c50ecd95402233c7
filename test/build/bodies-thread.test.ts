// A first build renders its new bodies on a second thread while it reads the folders (scripts/lib/render/
// prose-thread.ts). The pages must be byte for byte those of a build on one core, where the main thread renders
// every body itself: a body given the wrong place in the shared list would show under another update.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../bench/generate/index.ts';
import { writeSite } from '../../bench/generate/write.ts';
import { CLI, REPO } from '../helpers/paths.ts';

const build = (root: string, out: string, cores: string) =>
  // taskset leaves the build one core or two: Node counts the cores it may use, and on one no second thread starts.
  spawnSync('taskset', ['-c', cores, process.execPath, CLI, 'build', '--root', root, '--out', out, '--now', DEFAULTS.now.toISOString(), '--mirror', 'global'], {
    cwd: REPO,
    env: { ...process.env, CANDOR_TIMINGS: '1' },
    encoding: 'utf8',
    timeout: 300_000,
  });

const bodiesLine = (stderr: string) => /render the bodies \((\d+) new, (\d+) of them on a second thread/.exec(stderr);

describe('bodies rendered on a second thread while the content loads', () => {
  it('give the same pages as a build on one core', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'candor-bodies-'));
    // A few months of a busy history: hundreds of new bodies, enough for the build to start the thread.
    await writeSite(join(dir, 'two'), join(REPO, 'candor.config.yaml'), { ...DEFAULTS, incidents: 150, years: 0.25 });
    // A copy at another path: each path has content caches of its own, so both builds are first builds.
    cpSync(join(dir, 'two'), join(dir, 'one'), { recursive: true });

    const two = build(join(dir, 'two'), join(dir, 'out-two'), '0,1');
    expect(two.status, two.stderr).toBe(0);
    const one = build(join(dir, 'one'), join(dir, 'out-one'), '0');
    expect(one.status, one.stderr).toBe(0);
    const [, listed, shared] = bodiesLine(two.stderr) ?? [];
    expect(Number(listed)).toBeGreaterThan(500);
    expect(Number(shared), two.stderr).toBeGreaterThan(0);
    expect(bodiesLine(one.stderr)?.slice(1)).toEqual([listed, '0']);

    const pages = readdirSync(join(dir, 'out-two', 'global'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') || f.endsWith('.json') || f.endsWith('.xml'));
    expect(pages.filter((f) => f.startsWith('incidents/')).length).toBeGreaterThan(100);
    for (const f of pages) expect(readFileSync(join(dir, 'out-two', 'global', f)).equals(readFileSync(join(dir, 'out-one', 'global', f))), f).toBe(true);
  }, 300_000);
});
