// What a rebuild of a mirror reads of the folders already on disk, whole: the spare it will update (which of its
// files are the served output's own, and which are left over?). It does not depend on the content, so `candor
// build` starts the listing of every spare before it loads the content (tree-listing.ts: in a process of its own),
// and it is ready when the pages' keys are. The served output is not walked: the kept pages are looked up by path
// (reuse.ts `reusable`), and nothing else of it is read.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDS, sparePath } from './staging.ts';
import { findPrints, identity, listTree, listTreeWithFind, listTreeWithNode, type TreeListing } from './tree-listing.ts';

export interface OutputListing {
  /**
   * The spare's files, its search index aside, and the identity of the folder that was listed; no files when the
   * listing failed (then the folder, which may have been claimed and renamed meanwhile, is listed where it is now).
   */
  spare?: { folder: string; files: Promise<TreeListing | undefined> };
}

const folderIdentity = (path: string) => {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat?.isDirectory() ? identity(stat) : undefined;
};

/** Starts listing the spare of mirror `id` in `out`. */
export function listOutput(out: string, id: string): OutputListing {
  const spare = sparePath(join(out, BUILDS), id);
  const folder = folderIdentity(spare);
  // find is started now, inside the spare, so a claim during its walk does not cut it short; Node walks it at once.
  const files = () => (findPrints ? listTreeWithFind(spare, 'pagefind') : Promise.resolve(listTreeWithNode(spare, 'pagefind')));
  return folder ? { spare: { folder, files: files() } } : {};
}

/** Starts listing the spare of every output in `out` that a build made (a link into its builds folder), by mirror id. */
export function listOutputs(out: string): Map<string, OutputListing> {
  const listings = new Map<string, OutputListing>();
  if (!statSync(out, { throwIfNoEntry: false })?.isDirectory()) return listings;
  for (const entry of readdirSync(out, { withFileTypes: true })) if (entry.isSymbolicLink()) listings.set(entry.name, listOutput(out, entry.name));
  return listings;
}

/**
 * The files of the spare a build claimed as `staging`. The listing was made before the claim, by path: it is the
 * claimed folder's only if that is the very folder listed (another build may have taken that spare and left
 * another since) and the listing succeeded, or else `staging` is listed now.
 */
export async function spareFiles(staging: string, listing: OutputListing): Promise<TreeListing> {
  const early = listing.spare && folderIdentity(staging) === listing.spare.folder ? await listing.spare.files : undefined;
  return early ?? listTree(staging, 'pagefind');
}
