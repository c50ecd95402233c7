// Runs `candor build` exactly as a user does, measured from outside: wall time, CPU time, memory of the tree.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTree, type TreeRun } from './process-tree.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The command users run (npm's bin): it sets up what every command shares, such as the compile cache. */
export const CLI = join(REPO, 'bin', 'candor.js');

export interface MirrorTime {
  mirror: string;
  pages: number;
  seconds: number;
  reused: number;
}

export interface BuildRun {
  seconds: number;
  cpuSeconds: number;
  peakTreeMiB: number;
  peakProcessMiB: number;
  /** Each process's share at the moment the tree held the most. */
  atPeak: { command: string; MiB: number }[];
  mirrors: MirrorTime[];
  /** Whether this build compiled the pages' code (the first build of a code version; later ones reuse it). */
  compiledApp: boolean;
}

const MiB = (bytes: number) => Math.round(bytes / 2 ** 20);

/** The per-mirror lines `candor build` prints: "built eu: 35091 pages in 41.2 s → … (34001 unchanged, reused)". */
function mirrorTimes(output: string): MirrorTime[] {
  return [...output.matchAll(/^built (\S+): (\d+) pages in ([\d.]+) s[^\n]*?(?:\((\d+) unchanged, reused\))?$/gm)].map((m) => ({
    mirror: m[1]!,
    pages: Number(m[2]),
    seconds: Number(m[3]),
    reused: Number(m[4] ?? 0),
  }));
}

export async function candorBuild(root: string, out: string, now: Date, extra: string[] = []): Promise<BuildRun> {
  const r: TreeRun = await runTree(process.execPath, [CLI, 'build', '--root', root, '--out', out, '--now', now.toISOString(), ...extra], { cwd: REPO });
  if (r.code !== 0) throw new Error(`candor build failed (exit ${r.code}):\n${r.output.split('\n').slice(-40).join('\n')}`);
  return {
    seconds: r.ms / 1000,
    cpuSeconds: r.cpuMs / 1000,
    peakTreeMiB: MiB(r.peakTreeRss),
    peakProcessMiB: MiB(r.peakProcessRss),
    atPeak: r.atPeak.map((p) => ({ command: p.command, MiB: MiB(p.rss) })),
    mirrors: mirrorTimes(r.output),
    compiledApp: /^compiled the pages for this version of the code/m.test(r.output),
  };
}
