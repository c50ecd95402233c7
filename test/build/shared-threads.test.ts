// The render threads of a build are shared by its mirrors (scripts/lib/render/pool.ts): one thread renders several
// mirrors in turn, switching the pages from one to the next (site/lib/data.ts renderFor). Nothing made for one
// mirror may reach another's pages, and a thread that dies must fail only the mirror it was rendering.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candor } from '../helpers/cli.ts';
import { FIXTURE_NOW, FIXTURES, REPO } from '../helpers/paths.ts';

const IN_THREADS = join(REPO, 'test/helpers/candor-in-threads.ts');

/** Every file of a mirror's output, by path. */
function files(dir: string): Map<string, Buffer> {
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  return new Map(paths.filter((f) => /\.\w+$/.test(f)).map((f) => [f, readFileSync(join(dir, f))]));
}

describe('render threads shared by the mirrors of a build', () => {
  it('one thread renders every mirror of the example in turn, each byte for byte as a build of that mirror alone in two threads', () => {
    // The example's mirrors differ in every way a page can show: languages, time zones, region focus, base paths.
    const now = '2026-11-23T09:30:00Z';
    const shared = mkdtempSync(join(tmpdir(), 'candor-shared-'));
    const r = candor(['1', '-', '--root', REPO, '--out', shared, '--now', now, '--full'], { entry: IN_THREADS });
    expect(r.code, r.stderr).toBe(0);
    const mirrors = readdirSync(shared).filter((m) => !m.startsWith('.'));
    expect(mirrors.sort()).toEqual(['apac', 'cn', 'eu', 'global']);
    for (const mirror of mirrors) {
      const alone = mkdtempSync(join(tmpdir(), `candor-alone-${mirror}-`));
      // Two threads from the start, each rendering a share of the mirror: a build on 2 cores starts one (pool.ts).
      const own = candor(['2', '-', '--root', REPO, '--out', alone, '--now', now, '--mirror', mirror, '--full'], { entry: IN_THREADS });
      expect(own.code, own.stderr).toBe(0);
      const expected = files(join(alone, mirror));
      const actual = files(join(shared, mirror));
      expect([...actual.keys()]).toEqual([...expected.keys()]);
      const differ = [...expected].filter(([f, bytes]) => !actual.get(f)!.equals(bytes)).map(([f]) => f);
      expect(differ, `${mirror}: pages that differ from its own build`).toEqual([]);
    }
  }, 240_000);

  it('a thread that dies fails only the mirror it was rendering; a new thread renders the others', () => {
    const out = mkdtempSync(join(tmpdir(), 'candor-thread-exit-'));
    const root = join(FIXTURES, 'mirrors');
    // One thread, so the mirror built after eu can only be rendered by the thread that replaced the dead one.
    const r = candor(['1', `eu:${join(REPO, 'test/helpers/fault-exit.ts')}`, '--root', root, '--out', out, '--now', FIXTURE_NOW], { entry: IN_THREADS });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^failed eu: render thread stopped \(exit 3\) before it finished$/m);
    expect(r.stdout).toMatch(/^built world: \d+ pages/m);
    expect(r.stdout).toContain('1 of 2 mirror(s) built');
    expect(readFileSync(join(out, 'world', 'index.html'), 'utf8')).toContain('<html');
  }, 120_000);
});
