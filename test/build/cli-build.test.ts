// `candor build` and `candor check` as a user runs them: clear messages, exit codes, and nothing half-written.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAtomically, BUILDS } from '../../scripts/lib/staging.ts';
import { candor } from '../helpers/cli.ts';
import { FIXTURE_NOW, FIXTURES, REPO } from '../helpers/paths.ts';
import { md, testdir } from '../helpers/testdir.ts';

/** The outputs in a folder, without the builds behind their links. */
const visible = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith('.'));

const broken = () =>
  testdir({
    'incidents/2026-11-23-api/index.md': md({ title: 'API', kind: 'incident', impact: 'severe', components: ['api'], started: '2026-11-23T10:00:00Z' }),
    'incidents/2026-11-23-api/2026-11-23T1010Z.md': md({ status: 'investigating' }, 'x'),
  });

describe('candor build', () => {
  // Without --strict, a broken incident is published as its last valid version instead (test/cli/publish-valid.test.ts).
  it('with --strict, stops on content errors with a readable report, no stack trace, and leaves the old site alone', () => {
    const root = broken();
    const out = join(root, 'dist');
    mkdirSync(join(out, 'main'), { recursive: true });
    writeFileSync(join(out, 'main', 'index.html'), 'previous site');
    const r = candor(['build', '--strict', '--root', root, '--out', out, '--now', FIXTURE_NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('incidents/2026-11-23-api/index.md:4 impact: unknown impact "severe"');
    expect(r.stderr).toContain('fix: use one of: minor, major, critical');
    expect(r.stderr).toContain('next_update: is missing on an unresolved incident');
    expect(r.stderr).toContain('2 problems found; nothing was built.');
    expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(readFileSync(join(out, 'main', 'index.html'), 'utf8')).toBe('previous site');
    expect(visible(out)).toEqual(['main']);
  });

  it('replaces a mirror only after its new build succeeded', () => {
    const out = mkdtempSync(join(tmpdir(), 'candor-out-'));
    mkdirSync(join(out, 'main'));
    writeFileSync(join(out, 'main', 'stale.html'), 'old');
    const r = candor(['build', '--root', join(FIXTURES, 'basic'), '--out', out, '--now', FIXTURE_NOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^built main: \d+ pages in [\d.]+ s/m);
    expect(existsSync(join(out, 'main', 'stale.html'))).toBe(false);
    expect(existsSync(join(out, 'main', 'index.html'))).toBe(true);
    expect(visible(out)).toEqual(['main']);
  });

  it('prints lint findings but builds anyway, unless --strict', () => {
    const root = testdir({
      'incidents/2026-11-23-api/index.md': md({ title: 'API', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' }),
      'incidents/2026-11-23-api/2026-11-23T1010Z.md': md({ status: 'investigating', next_update: '2026-11-23T11:00:00Z' }, "Customers can't create invoices."),
    });
    const out = join(root, 'dist');
    const loose = candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('error  stale-update  customers were promised an update by 2026-11-23T11:00:00.000Z, 1 h ago');
    const strict = candor(['build', '--root', root, '--out', join(root, 'strict'), '--now', FIXTURE_NOW, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('the linter found errors (--strict); nothing was built');
    expect(existsSync(join(root, 'strict'))).toBe(false);
  });

  it('keeps a mirror\'s previous output when its build fails mid-way, and still builds the other mirrors', () => {
    const out = mkdtempSync(join(tmpdir(), 'candor-fault-'));
    const root = join(FIXTURES, 'mirrors');
    const first = candor(['build', '--root', root, '--out', out, '--now', FIXTURE_NOW]);
    expect(first.code, first.stderr).toBe(0);
    const before = readFileSync(join(out, 'eu', 'index.html'), 'utf8');
    const worldBefore = statSync(join(out, 'world', 'index.html')).mtimeMs;
    // A test-only hook breaks eu's render threads at its first incident page (test/helpers/fault-render.ts);
    // --full, so that page is rendered rather than reused from the first build.
    const r = candor(['eu', '--root', root, '--out', out, '--now', '2026-11-23T12:30:00Z', '--full'], { entry: join(REPO, 'test/helpers/candor-with-fault.ts') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed eu: [\s\S]*fault injected while rendering \/(?:[^\n]*\/)?incidents\//);
    expect(r.stderr).toContain('its previous output, if any, was left untouched');
    expect(r.stdout).toMatch(/^built world: \d+ pages/m);
    expect(r.stdout).toContain('1 of 2 mirror(s) built');
    // The failed mirror is byte for byte what it was; the other one was rebuilt; no staging folder is left.
    expect(readFileSync(join(out, 'eu', 'index.html'), 'utf8')).toBe(before);
    expect(statSync(join(out, 'world', 'index.html')).mtimeMs).toBeGreaterThan(worldBefore);
    expect(visible(out).sort()).toEqual(['eu', 'world']);
    expect(readdirSync(join(out, BUILDS)).sort()).toHaveLength(2);
  }, 180_000);

  it('tells the deploy job what an update cost: time, pages rendered and kept, per mirror', () => {
    const root = mkdtempSync(join(tmpdir(), 'candor-summary-'));
    const out = join(root, 'dist');
    const summary = join(root, 'summary.md');
    const env = { GITHUB_STEP_SUMMARY: summary };
    expect(candor(['build', '--root', join(FIXTURES, 'mirrors'), '--out', out, '--now', FIXTURE_NOW], { env }).code).toBe(0);
    writeFileSync(summary, '');
    const r = candor(['build', '--root', join(FIXTURES, 'mirrors'), '--out', out, '--now', FIXTURE_NOW], { env });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toMatch(/^### Candor build: [\d.]+ s$/m);
    expect(text).toContain('The compiled pages of this version of the code were reused: only content changed.');
    // The same content again: each mirror renders its always-fresh pages and keeps every incident and month page.
    // Two bundles in each language (the last third of this month, the month before): eu serves three, world two.
    for (const [mirror, languages] of [['eu', 3], ['world', 2]] as const) {
      const row = new RegExp(`^\\| ${mirror} \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| (\\d+) of (\\d+) \\| [\\d.]+ s \\|$`, 'm').exec(text);
      expect(row, text).not.toBeNull();
      const [pages, rendered, kept, indexed, bundles] = row!.slice(1).map(Number) as [number, number, number, number, number];
      expect(kept).toBeGreaterThan(0);
      expect(rendered + kept).toBe(pages);
      // Nothing changed, so no search bundle is indexed again.
      expect([indexed, bundles]).toEqual([0, 2 * languages]);
    }
    // Outside Actions, nothing is written anywhere.
    expect(candor(['build', '--root', join(FIXTURES, 'mirrors'), '--out', out, '--now', FIXTURE_NOW], { env: { GITHUB_STEP_SUMMARY: '' } }).code).toBe(0);
  });

  it('names an unknown mirror and suggests the closest', () => {
    const r = candor(['build', '--root', join(FIXTURES, 'basic'), '--mirror', 'mian', '--now', FIXTURE_NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--mirror: no mirror "mian"\n  fix: did you mean "main"?');
  });

  it('explains bad flags and has help', () => {
    expect(candor(['build', '--bogus']).stderr).toContain("Unknown option '--bogus'");
    expect(candor(['build', '--now', '2026-11-23T10:00']).stderr).toContain('--now: "2026-11-23T10:00" has no time zone');
    const help = candor(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: candor build');
    expect(candor(['frobnicate']).code).toBe(2);
  });
});

describe('candor check', () => {
  it('passes valid content and fails broken content', () => {
    const ok = candor(['check', '--root', join(FIXTURES, 'basic'), '--now', FIXTURE_NOW]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('ok: 5 incidents and maintenance windows, 10 updates, 1 mirror(s)\n');
    const bad = candor(['check', '--root', broken(), '--now', FIXTURE_NOW]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('2 problems found');
  });
});

describe('buildAtomically', () => {
  it('keeps the previous output whole when a build fails mid-way, and cleans up its staging folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'candor-atomic-'));
    const target = join(parent, 'site');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'old home');
    await expect(
      buildAtomically(target, async (staging) => {
        mkdirSync(staging, { recursive: true });
        writeFileSync(join(staging, 'index.html'), 'half-written');
        throw new Error('renderer crashed after one page');
      }),
    ).rejects.toThrow('renderer crashed');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old home');
    expect(visible(parent)).toEqual(['site']);
    expect(readdirSync(join(parent, BUILDS))).toEqual([]);

    await buildAtomically(target, async (staging) => {
      mkdirSync(staging, { recursive: true });
      writeFileSync(join(staging, 'index.html'), 'new home');
    });
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new home');
    expect(visible(parent)).toEqual(['site']);
  });

  it('swaps in one step through a link, and the next build removes what a killed one left', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'candor-atomic-'));
    const target = join(parent, 'site');
    const write = (text: string) => buildAtomically(target, async (staging) => {
      mkdirSync(staging, { recursive: true });
      writeFileSync(join(staging, 'index.html'), text);
    });
    await write('first');
    const first = realpathSync(target);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    // What a build killed with SIGKILL leaves (a pid that cannot run): its half-built folder, a link never swapped
    // in, and the folders of the older two-rename swap.
    const dead = 4194305;
    mkdirSync(join(parent, BUILDS, `site-${dead}-abc`, 'incidents'), { recursive: true });
    symlinkSync('site-x', join(parent, BUILDS, `.link-site-${dead}-abc`));
    mkdirSync(join(parent, `.staging-site-${dead}-abc`));
    mkdirSync(join(parent, `.old-site-${dead}-abc`));
    // Another output's build in the same folder is not touched.
    mkdirSync(join(parent, BUILDS, `other-${dead}-abc`));
    await write('second');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('second');
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(parent).sort()).toEqual([BUILDS, 'site']);
    // The first output is the spare now, for the next build to bring up to date (scripts/lib/spare.ts).
    expect(readdirSync(join(parent, BUILDS)).sort()).toEqual(['.spare-site', `other-${dead}-abc`, basename(realpathSync(target))]);
    expect(readFileSync(join(parent, BUILDS, '.spare-site', 'index.html'), 'utf8')).toBe('first');
  });

  it('removes a replaced output whatever its entries are called', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'candor-atomic-'));
    const target = join(parent, 'site');
    // Names a shell or rm could take for something else: an option, words, quotes, a command substitution.
    const names = ['-rf', 'a b', "it's", '$(touch pwned)', '`touch pwned`', '*', 'incidents'];
    await buildAtomically(target, async (staging) => {
      for (const name of names) mkdirSync(join(staging, name, 'deep'), { recursive: true }), writeFileSync(join(staging, name, 'deep', 'index.html'), name);
    });
    const first = realpathSync(target);
    // Without a spare, as `--full` builds: the replaced output is deleted.
    await buildAtomically(target, async (staging) => void (mkdirSync(staging, { recursive: true }), writeFileSync(join(staging, 'index.html'), 'next')), { spare: false });
    expect(existsSync(first)).toBe(false);
    expect(readdirSync(join(parent, BUILDS))).toEqual([basename(realpathSync(target))]);
    expect(existsSync(join(parent, 'pwned')) || existsSync(join(first, '..', 'pwned')) || existsSync('pwned')).toBe(false);
  });

  it('moves an output from before links aside once, then swaps by link', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'candor-atomic-'));
    const target = join(parent, 'site');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'a plain folder');
    await buildAtomically(target, async (staging) => void (mkdirSync(staging, { recursive: true }), writeFileSync(join(staging, 'index.html'), 'linked')));
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('linked');
    // The plain folder is the spare now.
    expect(readdirSync(join(parent, BUILDS)).sort()).toEqual(['.spare-site', basename(realpathSync(target))]);
    expect(readFileSync(join(parent, BUILDS, '.spare-site', 'index.html'), 'utf8')).toBe('a plain folder');
  });
});
