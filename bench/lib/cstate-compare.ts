// Issue 26's comparison: the same history as a cState v6 site built by Hugo and as a Candor site (brought in with
// `candor import cstate`, as a team moving over would), one mirror in one language each, cold, timed in one run.
// cState is not part of Candor: its theme is extracted at run time from a checkout or git directory named by
// CANDOR_BENCH_CSTATE (or the snapshot these machines keep); without it or without `hugo`, this is skipped.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readConfig } from '../../site/model/load/config.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { formatErrors } from '../../site/model/errors.ts';
import { mirrorLocales } from '../../site/lib/urls.ts';
import { cstateSite } from '../generate/cstate.ts';
import { candorBuild, CLI, REPO, type BuildRun } from './build.ts';
import { outputStats } from './output.ts';
import { runTree } from './process-tree.ts';
import { trash } from './trash.ts';

/** Where these machines keep a snapshot of github.com/cstate/cstate (a git directory without a work tree). */
const SNAPSHOT = '/work/.mirror/cstate+cstate/repo';

export interface Timed {
  /** Median wall time of the runs. */
  seconds: number;
  cpuSeconds: number;
  /** Wall time of each run, in order. */
  runs: number[];
  /** HTML files written. */
  pages: number;
}

export interface CstateComparison {
  incidents: number;
  cstate: Timed & { version: string; hugo: string };
  /**
   * Runs that reused the compiled pages (as every build after a version's first does, and CI keeps them cached)
   * make the median; a run that compiled them is shown apart, in `compileRuns`.
   */
  candor: Timed & { mirror: string; locales: string[]; imported: number; compileRuns: number[] };
  /** cState's time over Candor's: how many times faster Candor is. */
  ratio: number;
}

export type CstateOutcome = { skipped: string } | CstateComparison;

interface Theme {
  /** A checkout (with theme.toml) to copy, or a git directory to extract HEAD from. */
  checkout?: string;
  gitDir?: string;
  version: string;
}

const git = (args: string[]) => spawnSync('git', args, { encoding: 'buffer', maxBuffer: 256 * 2 ** 20 });

function findTheme(): Theme | string {
  const given = process.env.CANDOR_BENCH_CSTATE;
  const dir = given || SNAPSHOT;
  if (!existsSync(dir)) return given ? `CANDOR_BENCH_CSTATE=${given}: no such folder` : `no cState found (set CANDOR_BENCH_CSTATE to a checkout of github.com/cstate/cstate)`;
  const describe = (gitArgs: string[]) => {
    const r = git([...gitArgs, 'describe', '--tags', '--always']);
    return r.status === 0 ? r.stdout.toString().trim() : 'unknown version (not a git checkout)';
  };
  if (existsSync(join(dir, 'theme.toml'))) return { checkout: dir, version: describe(['-C', dir]) };
  if (git(['--git-dir', dir, 'cat-file', '-e', 'HEAD:theme.toml']).status === 0) return { gitDir: dir, version: describe(['--git-dir', dir]) };
  return `${dir} is neither a cState checkout (no theme.toml) nor a git directory holding one`;
}

function extractTheme(theme: Theme, to: string) {
  mkdirSync(to, { recursive: true });
  if (theme.checkout) {
    cpSync(theme.checkout, to, { recursive: true, filter: (src) => !/[/\\](\.git|exampleSite|node_modules)$/.test(src) });
    return;
  }
  const tar = git(['--git-dir', theme.gitDir!, 'archive', '--format=tar', 'HEAD']);
  if (tar.status !== 0) throw new Error(`git archive of ${theme.gitDir} failed: ${tar.stderr.toString()}`);
  const x = spawnSync('tar', ['-x', '-C', to], { input: tar.stdout });
  if (x.status !== 0) throw new Error(`extracting cState failed: ${x.stderr.toString()}`);
}

function hugoVersion(): string | undefined {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? (/v?(\d+\.\d+\.\d+\S*)/.exec(r.stdout)?.[1] ?? r.stdout.trim()) : undefined;
}

const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(runs: { seconds: number; cpuSeconds: number }[], pages: number): Timed {
  const mid = runs.toSorted((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)]!;
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: mid.cpuSeconds, runs: runs.map((r) => r.seconds), pages };
}

export interface CompareOptions {
  /** The generated Candor site whose history both sides build. */
  root: string;
  /** Scratch folder for the cState site, the imported Candor site and their outputs. */
  dir: string;
  now: Date;
  /** Cold builds of each side, alternated so a busy moment of the machine slows both; the median counts. */
  runs?: number;
  log: (line: string) => void;
}

export async function compareWithCstate(o: CompareOptions): Promise<CstateOutcome> {
  const hugo = hugoVersion();
  if (!hugo) return { skipped: 'hugo is not installed (Debian: apt-get install hugo)' };
  const theme = findTheme();
  if (typeof theme === 'string') return { skipped: theme };

  trash.discard(o.dir);
  const loaded = await loadSite(o.root, { now: o.now });
  if (!loaded.ok) throw new Error(formatErrors(loaded.errors));
  const incidents = loaded.value.incidents.length;
  const site = join(o.dir, 'cstate');
  for (const [path, text] of Object.entries(cstateSite(loaded.value))) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
  const themes = join(o.dir, 'themes');
  extractTheme(theme, join(themes, 'cstate'));

  // What a team moving over runs: the import, which must bring every incident across.
  const candorRoot = join(o.dir, 'candor');
  mkdirSync(candorRoot);
  const imp = await runTree(process.execPath, [CLI, 'import', 'cstate', site, '--root', candorRoot, '--now', o.now.toISOString()], { cwd: REPO });
  const checked = /candor check: ok — (\d+) incidents/.exec(imp.output);
  if (!checked) throw new Error(`candor import cstate failed (exit ${imp.code}):\n${imp.output.split('\n').slice(-30).join('\n')}`);
  const imported = Number(checked[1]);
  const mirror = (await readConfig(candorRoot)).config!.mirrors[0]!;
  o.log(`  cState ${theme.version} on Hugo ${hugo}: ${incidents} issue files; imported into Candor: ${imported} (mirror ${mirror.id}, ${mirrorLocales(mirror).join(', ')})`);

  const cstateRuns: { seconds: number; cpuSeconds: number }[] = [];
  const candorRuns: { seconds: number; cpuSeconds: number }[] = [];
  const compileRuns: { seconds: number; cpuSeconds: number }[] = [];
  let cstatePages = 0, candorPages = 0;
  for (let i = 0; i < (o.runs ?? 3); i++) {
    // Cold: an empty output folder, Hugo cache and resources folder (Hugo keeps processed assets there) each time.
    // What a run wrote is set aside, not deleted, until the benchmark ends (trash.ts): both sides create files on a disk
    // where nothing was just deleted, as on a fresh runner.
    const out = join(o.dir, 'public'), cache = join(o.dir, 'hugo-cache');
    for (const d of [out, cache, join(site, 'resources')]) trash.discard(d);
    // cState's deploy command is plain `hugo`; the clock is the moment Candor builds for, so both show the same now.
    const h = await runTree('hugo', ['--source', site, '--themesDir', themes, '--destination', out, '--cacheDir', cache, '--clock', o.now.toISOString(), '--quiet'], { cwd: site });
    if (h.code !== 0) throw new Error(`hugo failed (exit ${h.code}):\n${h.output.split('\n').slice(-30).join('\n')}`);
    cstateRuns.push({ seconds: h.ms / 1000, cpuSeconds: h.cpuMs / 1000 });
    cstatePages = outputStats(out).pages;
    trash.discard(out);

    // A copy at a new path each run: Candor keeps parsed folders per site path, and a cold build has none.
    const copy = join(o.dir, `candor-${i + 1}`), dist = join(o.dir, 'dist');
    cpSync(candorRoot, copy, { recursive: true });
    trash.discard(dist);
    const c = await buildOnSharedMachine(copy, dist, o.now, mirror.id, o.log);
    (c.compiledApp ? compileRuns : candorRuns).push(c);
    candorPages = outputStats(join(dist, mirror.id)).pages;
    for (const d of [dist, copy]) trash.discard(d);
    o.log(`  run ${i + 1}: cState on Hugo ${(h.ms / 1000).toFixed(1)} s (CPU ${(h.cpuMs / 1000).toFixed(1)} s), Candor ${c.seconds.toFixed(1)} s (CPU ${c.cpuSeconds.toFixed(1)} s)${c.compiledApp ? ', compiling the pages first' : ''}`);
  }
  const cstate = { ...timed(cstateRuns, cstatePages), version: theme.version, hugo };
  const candor = { ...timed(candorRuns.length ? candorRuns : compileRuns, candorPages), mirror: mirror.id, locales: mirrorLocales(mirror), imported, compileRuns: compileRuns.map((r) => r.seconds) };
  return { incidents, cstate, candor, ratio: cstate.seconds / candor.seconds };
}

/**
 * `candor build`, tried once more when the compiled pages vanished under it: the compiled-app cache lives in
 * node_modules, which worktrees on a shared machine share, and another code version's build prunes old ones.
 */
async function buildOnSharedMachine(root: string, out: string, now: Date, mirror: string, log: (line: string) => void): Promise<BuildRun> {
  try {
    return await candorBuild(root, out, now, ['--mirror', mirror]);
  } catch (e) {
    if (!/Cannot find module '[^']*\.cache\/candor\/app\//.test((e as Error).message)) throw e;
    log('  (the compiled pages were removed by another build during this one; building again)');
    trash.discard(out);
    return candorBuild(root, out, now, ['--mirror', mirror]);
  }
}
