// Bringing the spare (an earlier output of the same mirror, scripts/lib/staging.ts) up to date for this build.
//
// A page an earlier build kept was hard-linked from the output before it, so the spare and the output being
// served share that page's file: writing into it would change the live site in the middle of a build. So nothing
// in a spare is ever written to. Each of its files either is the very file (same device and inode) this build
// would link from the served output anyway, and stays, or is unlinked, so that whatever takes its place (a
// rendered page, a link, the app's assets, the search index) is a new file. The search index's bundles are handled
// the same way, bundle by bundle, where it is written (scripts/lib/search-index.ts).
//
// The work is a listing of the spare (tree-listing.ts: one walk, in a process of its own) and an unlink per file
// that changed: it follows the pages that changed, and the number of files in the output only through the listing.
import { lstatSync, rmdirSync, statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { identity, type TreeListing } from './tree-listing.ts';

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

/**
 * Empties a spare of everything but the pages in `reused` that are already the served output's files (`served`:
 * their identities, from the check that they are unchanged). `listing` is the spare's, its search index aside
 * (tree-listing.ts): started with the build, so it is read while the pages' keys are made.
 */
export async function prepareSpare(staging: string, listing: TreeListing, reused: string[], served: Map<string, string>): Promise<PreparedSpare> {
  const wanted = new Set(reused);
  const inPlace = new Set<string>();
  const emptied = new Set<string>();
  const doomed: string[] = [];
  for (const [file, { regular, id }] of listing) {
    // Not a regular file (a link someone put there): never kept, so it is unlinked.
    if (regular && wanted.has(file) && served.get(file) === id) inPlace.add(file);
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
