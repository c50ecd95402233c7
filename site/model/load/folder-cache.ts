// A cache of incident folders already read, keyed by what is in them: a folder whose files are byte for byte the
// ones it was read from gives back the same incident without parsing its YAML and Markdown again. The model only
// defines the seam; where the cache is kept (between runs, on disk) is the caller's business (scripts/lib/
// content-cache.ts for `candor build`).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { FolderResult } from './folder.ts';

export interface FolderCache {
  get(key: string): FolderResult | undefined;
  set(key: string, result: FolderResult): void;
  /** Ids of files whose content the caller already knows (git's index: git-blobs.ts); these are not read. */
  readonly known?: KnownBlobs;
}

/** Content ids (blobId) by path from the site's root (`incidents/<folder>/<file>`). */
export type KnownBlobs = ReadonlyMap<string, string>;

/** git's id of these bytes as a blob, what `git hash-object` prints for them: a file's id whoever computed it. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * What a folder holds, as a digest: its path, and every entry's name, kind and content (a file's blob id, a link's
 * target). Any change to a file, a new or removed file, a renamed folder gives another key. A file's id comes from
 * `known` when the caller has it, else from its bytes: reading costs a fraction of parsing, and file times were not
 * trusted here, since a git checkout sets them all and an edit can keep the size (git's index, which `known` comes
 * from, keeps the inode and change time as well, which no edit keeps).
 */
export function folderKey(relativeDir: string, dir: string, known?: KnownBlobs): string {
  // Read synchronously: a rebuild reads every file of the history here (8,500 at 1,000 incidents), and a promise
  // per file (open, stat, read, close on the thread pool) took about three times as long as reading them in turn.
  const h = createHash('sha256').update(`${relativeDir}\0`);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    const kind = e.isSymbolicLink() ? 'link' : e.isFile() ? 'file' : e.isDirectory() ? 'dir' : 'other';
    h.update(`${e.name}\0${kind}\0`);
    if (kind === 'link') h.update(readlinkSync(path));
    else if (kind === 'file') h.update(known?.get(`${relativeDir}/${e.name}`) ?? blobId(readFileSync(path)));
    h.update('\0');
  }
  return h.digest('base64url');
}

/** Only folders read without a problem are kept: a problem is reported with its line, which needs a fresh read. */
export function cacheable(result: FolderResult): boolean {
  return Boolean(result.incident) && result.errors.length === 0 && result.rejected.length === 0 && !result.standIn;
}
