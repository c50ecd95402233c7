// Bringing the spare (an earlier output of the same mirror, scripts/lib/staging.ts) up to date for this build.
//
// A page an earlier build kept was hard-linked from the output before it, so the spare and the output being
// served share that page's file: writing into it would change the live site in the middle of a build. So nothing
// in a spare is ever written to. Each of its files either is the very file (same device and inode) this build
// would link from the served output anyway, and stays, or is unlinked, so that whatever takes its place (a
// rendered page, a link, the app's assets, the search index) is a new file. The search index's bundles are handled
// the same way, bundle by bundle, where it is written (scripts/lib/search-index.ts).
//
// The work is a listing of the spare and an unlink per file that changed, on the thread pool, so the build's main
// thread goes on handing pages to the render threads meanwhile.
import { lstatSync, rmdirSync, statSync } from 'node:fs';
import { lstat, readdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { identity } from './reuse.ts';

/** Every file of a spare (its search index aside) by path relative to it, with its identity on disk. */
export type SpareListing = Map<string, string>;

export interface PreparedSpare {
  /** Kept pages already in the spare as the served output's own files: nothing to link. */
  inPlace: Set<string>;
  /** Folders something was unlinked from: empty ones are removed once the build has written everything. */
  emptied: Set<string>;
}

/** Whether two paths name the same file (hard links of one another), following the output's link. */
export function sameFile(a: string, b: string): boolean {
  const x = lstatSync(a, { throwIfNoEntry: false });
  const y = statSync(b, { throwIfNoEntry: false });
  return Boolean(x?.isFile() && y?.isFile() && identity(x) === identity(y));
}

/** Lists a spare, every folder at once. The search index's folder is left to the search index, which knows its bundles. */
export async function listSpare(staging: string): Promise<SpareListing> {
  const files: SpareListing = new Map();
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const file = `${prefix}${entry.name}`;
        if (entry.isDirectory()) return file === 'pagefind' ? undefined : walk(join(dir, entry.name), `${file}/`);
        // Not a regular file (a link someone put there): an identity no served file has, so it is unlinked.
        files.set(file, entry.isFile() ? identity(await lstat(join(dir, entry.name))) : '');
      }),
    );
  };
  await walk(staging, '');
  return files;
}

/**
 * Empties a spare of everything but the pages in `reused` that are already the served output's files (`served`:
 * their identities, from the check that they are unchanged).
 */
export async function prepareSpare(staging: string, listing: SpareListing, reused: string[], served: Map<string, string>): Promise<PreparedSpare> {
  const wanted = new Set(reused);
  const inPlace = new Set<string>();
  const emptied = new Set<string>();
  const doomed: string[] = [];
  for (const [file, id] of listing) {
    if (wanted.has(file) && id !== '' && served.get(file) === id) inPlace.add(file);
    else doomed.push(file), emptied.add(dirname(join(staging, file)));
  }
  await Promise.all(doomed.map((file) => unlink(join(staging, file))));
  return { inPlace, emptied };
}

/** Removes the folders among `emptied` (and their parents, up to `staging`) that the build left empty. */
export function removeEmptyFolders(staging: string, emptied: Set<string>): void {
  // Deepest first, so a parent is tried after its children.
  const folders = [...emptied].sort((a, b) => b.length - a.length);
  for (let dir of folders) {
    while (dir !== staging && dir.startsWith(`${staging}/`)) {
      try {
        rmdirSync(dir);
      } catch {
        break; // not empty (the build wrote into it) or already gone
      }
      dir = dirname(dir);
    }
  }
}
