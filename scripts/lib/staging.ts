// Builds into a folder of its own and puts it in place only when the build succeeded, so a failed build never
// leaves a half-written site where the old one was. The output path is a symbolic link to the current build,
// replaced in one rename: a build killed at any moment leaves the old site or the new one, never neither (two
// renames of folders left a gap with no site at all). Whatever a killed build left behind (its folder, a link
// never swapped in) is removed by the next build of the same output.
//
// The output a build replaces is not deleted but kept as the spare, and the next build of the same output takes
// it (in one rename, so two builds never share it) and brings it up to date instead of starting from an empty
// folder (scripts/lib/spare.ts). Deleting the old output and linking every kept page into a new one were work
// that grew with the history: at 5,000 incidents about 6 s and 4-7 s a mirror, where an update changes a few
// hundred files.
import { spawn } from 'node:child_process';
import { lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { dirname, join, basename, relative, resolve } from 'node:path';
import { span } from './timings.ts';

export interface AtomicOptions {
  /**
   * Takes over removing the replaced output instead of waiting for it: deleting tens of thousands of files takes
   * seconds, and a caller building several mirrors can let it run while the next mirror builds.
   */
  deferRemoval?: (removal: Promise<void>) => void;
  /** `false`: start from an empty folder and delete the replaced output, as `--full` does. */
  spare?: boolean;
}

/** Where the builds of the outputs in a folder live, beside them. */
export const BUILDS = '.candor-builds';

/** Whether the process that made a folder (its pid is in the name) is still running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The folder a link points to, or undefined when the path is not a link. */
async function linked(path: string): Promise<string | undefined> {
  const stat = await lstat(path).catch(() => undefined);
  return stat?.isSymbolicLink() ? resolve(dirname(path), await readlink(path)) : undefined;
}

/** Builds of `name` (and links never swapped in) left by processes that are gone, and not in use. */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const builds = join(parent, BUILDS);
  const current = await linked(join(parent, name));
  for (const entry of await readdir(builds).catch(() => [])) {
    const m = /^\.?(?:link-)?(.+)-(\d+)-[0-9a-z]+$/.exec(entry);
    if (!m || m[1] !== name || alive(Number(m[2])) || join(builds, entry) === current) continue;
    await rm(join(builds, entry), { recursive: true, force: true });
  }
  // Folders of the two-rename swap older versions made.
  for (const entry of await readdir(parent).catch(() => [])) {
    const m = /^\.(?:staging|old)-(.+)-(\d+)-[0-9a-z]+$/.exec(entry);
    if (m && m[1] === name && !alive(Number(m[2]))) await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/** Where the output an earlier build replaced waits for the next build of `name` (not matched by removeLeftovers). */
export const sparePath = (builds: string, name: string) => join(builds, `.spare-${name}`);

/**
 * Takes the spare as `staging`, when there is one and it is a folder. Anything else found there (a link, which the
 * build would follow and empty wherever it points) is removed, and the build starts from an empty folder.
 */
async function claimSpare(spare: string, staging: string): Promise<boolean> {
  if (!(await rename(spare, staging).then(() => true, () => false))) return false;
  if ((await lstat(staging)).isDirectory()) return true;
  await rm(staging, { force: true });
  return false;
}

/**
 * Builds into a staging folder and swaps it in. `build` is told whether the folder is a spare: an earlier output,
 * with its files, some of them the very files (hard links) of the output now served, which it must never write
 * through (scripts/lib/spare.ts); otherwise the folder does not exist yet.
 */
export async function buildAtomically<T>(target: string, build: (staging: string, spare: boolean) => Promise<T>, options: AtomicOptions = {}): Promise<T> {
  const parent = dirname(target);
  const name = basename(target);
  const builds = join(parent, BUILDS);
  const tag = `${process.pid}-${Date.now().toString(36)}`;
  await mkdir(builds, { recursive: true });
  await removeLeftovers(parent, name);
  const staging = join(builds, `${name}-${tag}`);
  // Taken by a rename, which only one of two builds running at once can make; the folder is then this build's,
  // and its pid in the name has a killed build's leftovers removed like any other.
  const spare = options.spare !== false && (await claimSpare(sparePath(builds, name), staging));
  let result: T;
  try {
    result = await build(staging, spare);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  let previous = await linked(target);
  const stat = await lstat(target).catch(() => undefined);
  if (stat && !stat.isSymbolicLink()) {
    // An output from before links: moved aside once (the only non-atomic step, on the first build after upgrading).
    previous = join(builds, `${name}-${process.pid}-${Date.now().toString(36)}x`);
    await rename(target, previous);
  }
  // The swap: a new link renamed over the old one, which the file system does in one step. Relative, so the
  // output folder can be moved or mounted elsewhere whole.
  const link = join(builds, `.link-${name}-${tag}`);
  await symlink(relative(parent, staging), link);
  await rename(link, target);
  // The replaced output becomes the spare, unless another build's is already there (or spares are off).
  const kept = previous && options.spare !== false && (await rename(previous, sparePath(builds, name)).then(() => true, () => false));
  const removal = previous && !kept ? span(`${name}: remove the replaced output`, () => removeTree(previous)) : Promise.resolve();
  if (options.deferRemoval) options.deferRemoval(removal);
  else await removal;
  return result;
}

/**
 * Deletes a folder tree. Where there is a shell, it does the work in processes of its own, one `rm` per entry of
 * the folder (a mirror's languages and sections) at once: Node's recursive delete runs on the thread pool that
 * every file operation of this process shares, where tens of thousands of deletions stall the next mirror's work,
 * and one `rm` at a time took 2.7 s for a 35,000-page mirror where parallel ones took 1.1 s. The `rm`s are started
 * by one `sh`, not by this process: starting a process from this one costs tens of milliseconds of its main thread
 * (its memory is large), and one per entry held the render threads' coordination up for 3.6 s in a four-mirror
 * rebuild.
 */
async function removeTree(path: string): Promise<void> {
  const fallback = () => rm(path, { recursive: true, force: true });
  if (process.platform === 'win32') return fallback();
  const entries = (await readdir(path).catch(() => [])).map((e) => join(path, e));
  const removed = await new Promise<boolean>((resolve) => {
    // Every entry at once; fails when any `rm` failed.
    const script = 'pids=; for e; do rm -rf -- "$e" & pids="$pids $!"; done; s=0; for p in $pids; do wait "$p" || s=1; done; exit $s';
    const child = spawn('sh', ['-c', script, 'sh', ...entries], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
  // Whatever `rm` could not remove (or a system without a shell), Node removes.
  if (!removed) await fallback();
  else await rm(path, { recursive: true, force: true });
}
