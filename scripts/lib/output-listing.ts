// What a rebuild of a mirror reads of the folders already on disk: the served output (are the kept pages still the
// files the manifest recorded?) and the spare it will update (which of its files are the served output's own?).
// Neither depends on the content, so `candor build` starts both listings for every output before it loads the
// content (tree-listing.ts: in processes of their own), and they are ready when the pages' keys are.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDS, sparePath } from './staging.ts';
import { identity, listTree, type TreeListing } from './tree-listing.ts';

export interface OutputListing {
  /** The served output's files, its search index aside. */
  served: Promise<TreeListing>;
  /** The spare's files, its search index aside, and the identity of the folder that was listed. */
  spare?: { folder: string; files: Promise<TreeListing> };
}

const folderIdentity = (path: string) => {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat?.isDirectory() ? identity(stat) : undefined;
};

/** Starts listing the output of mirror `id` in `out` and its spare. */
export function listOutput(out: string, id: string): OutputListing {
  const spare = sparePath(join(out, BUILDS), id);
  const folder = folderIdentity(spare);
  return { served: listTree(join(out, id), 'pagefind'), ...(folder ? { spare: { folder, files: listTree(spare, 'pagefind') } } : {}) };
}

/** Starts listing every output in `out` that a build made (a link into its builds folder), by mirror id. */
export function listOutputs(out: string): Map<string, OutputListing> {
  const listings = new Map<string, OutputListing>();
  if (!statSync(out, { throwIfNoEntry: false })?.isDirectory()) return listings;
  for (const entry of readdirSync(out, { withFileTypes: true })) if (entry.isSymbolicLink()) listings.set(entry.name, listOutput(out, entry.name));
  return listings;
}

/**
 * The files of the spare a build claimed as `staging`. The listing was made before the claim, by path: it is the
 * claimed folder's only if that is the very folder listed (another build may have taken that spare and left
 * another since), or else `staging` is listed now.
 */
export function spareFiles(staging: string, listing: OutputListing): Promise<TreeListing> {
  return listing.spare && folderIdentity(staging) === listing.spare.folder ? listing.spare.files : listTree(staging, 'pagefind');
}
