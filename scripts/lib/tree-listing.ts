// Every file of an output folder with its size, modification second and identity on disk, in one pass.
//
// A rebuild lists each mirror's spare (output-listing.ts): which of its files are the served output's own, and
// which are left over. It grows with the history: 12,943 files for the five-language mirror at 1,000 incidents,
// 61,297 at 5,000. Walked by Node (a recursive readdir and a stat per file) they took 241 and 915 ms of the CLI's
// main thread, while that thread also prepares the other mirrors and hands the render threads their work. GNU find
// does the same walk in 97 and 471 ms, in a process of its own, so the main thread goes on meanwhile. Where there
// is no GNU find (macOS, Windows), Node walks the tree. Most of a walk's cost is the kernel reading one folder per
// page, so the served output is not walked at all: its kept pages are looked up by path (reuse.ts `reusable`).
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { outputOf } from '../../site/model/load/child-output.ts';

export interface ListedFile {
  /** A regular file; anything else (a link someone put there, a socket) is listed so that it can be removed. */
  regular: boolean;
  size: number;
  /** Whole seconds: archives (tar, as caches use) keep modification times to the second. */
  mtime: number;
  /** Device and inode: two paths with the same identity are hard links of one file. */
  id: string;
}

/** Files by path relative to the folder listed (`/`-separated); folders themselves are not listed. */
export type TreeListing = Map<string, ListedFile>;

/** A file's identity on disk (device and inode): two paths with the same one are hard links of one file. */
export const identity = (stat: Stats) => `${stat.dev}:${stat.ino}`;

/** What a listing says of one stat. */
export const listed = (stat: Stats): ListedFile => ({ regular: stat.isFile(), size: stat.size, mtime: Math.floor(stat.mtimeMs / 1000), id: identity(stat) });

/** Node's walk: the fallback where GNU find is not there, and the reference the tests hold find to. */
export function listTreeWithNode(dir: string, skip?: string): TreeListing {
  const files: TreeListing = new Map();
  // The folder itself may be a link (a mirror's output is a link to its build): it is followed, nothing below it.
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(dir, path);
    if (skip && (file === skip || file.startsWith(`${skip}/`))) continue;
    files.set(file, listed(lstatSync(path)));
  }
  return files;
}

/** One record per entry, NUL-terminated (a name may hold any other byte): type, size, mtime, device:inode, path. */
const FORMAT = '%y %s %T@ %D:%i %P\\0';

/**
 * GNU find's walk, or undefined when it could not run here. find starts in the folder (its working folder, set
 * when it is started): a spare listed this way may be claimed, renamed, while find still walks it, and the walk
 * goes on in the folder that was named, wherever it is by then.
 */
export async function listTreeWithFind(dir: string, skip?: string): Promise<TreeListing | undefined> {
  const prune = skip ? ['(', '-path', `./${skip.replace(/[*?[\]\\]/g, '\\$&')}`, '-prune', ')', '-o'] : [];
  const args = ['.', '-mindepth', '1', ...prune, '(', '-not', '-type', 'd', '-printf', FORMAT, ')'];
  const output = await outputOf('find', args, { cwd: dir });
  if (output === undefined) return undefined;
  const files: TreeListing = new Map();
  for (const record of output.toString('utf8').split('\0')) {
    if (!record) continue;
    // The path is last and may hold spaces: the four fields before it never do.
    const m = /^(\S) (\d+) (\d+)(?:\.\d*)? (\d+:\d+) (.*)$/s.exec(record);
    if (!m) return undefined;
    files.set(m[5]!, { regular: m[1] === 'f', size: Number(m[2]), mtime: Number(m[3]), id: m[4]! });
  }
  return files;
}

/** Only GNU find has -printf; elsewhere the walk is Node's. */
export const findPrints = process.platform === 'linux';

/**
 * Every file under `dir` (following `dir` itself when it is a link), leaving out the subfolder `skip`. A folder
 * that does not exist lists nothing.
 */
export async function listTree(dir: string, skip?: string): Promise<TreeListing> {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return new Map();
  return (findPrints && (await listTreeWithFind(dir, skip))) || listTreeWithNode(dir, skip);
}
