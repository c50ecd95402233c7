// Incident folders `candor build` read before, kept between runs (and between CI runs, by the deploy workflow's
// cache): after one update, only the folders that changed are parsed again. Keyed by each folder's content
// (site/model/load/folder-cache.ts) and dropped whole when Candor's code or dependencies change. The bodies the
// build rendered (site/model/prose.ts) are kept beside them, so only new or edited bodies are rendered again.
import type { FolderResult } from '../../site/model/load/folder.ts';
import type { KnownBlobs } from '../../site/model/load/folder-cache.ts';
import type { RenderedBody } from '../../site/model/markdown.ts';
import type { ProseTable } from '../../site/model/prose.ts';
import { carriedOver, type CarriedOver } from '../../site/model/carried-over.ts';
import { existsSync } from 'node:fs';
import { keptDir, keptPerSite } from './kept-per-site.ts';

export interface ContentCache extends CarriedOver<FolderResult> {
  /** The files' ids git vouches for, as given: the loader reads only the other files to key their folders. */
  readonly known?: KnownBlobs;
  /** The bodies the previous build rendered. */
  readonly prose: ReadonlyMap<string, RenderedBody>;
  /** Keeps what this run used, nothing else: a deleted or changed folder's old entry goes, and so does a body no longer in the site. */
  save(prose: ProseTable): void;
}

/** Whether an earlier build kept folders for this site: if not, every folder is read and parsed anyway. */
export const contentKept = (root: string) => existsSync(keptDir('folders', root));

/** `known`: the files' ids git vouches for (site/model/load/git-blobs.ts), so that only the others are read to key their folders. */
export function openContentCache(root: string, code: string, known?: KnownBlobs): ContentCache {
  const folders = keptPerSite<FolderResult>('folders', root, code);
  const bodies = keptPerSite<RenderedBody>('bodies', root, code);
  const tracking = carriedOver(folders.read());
  return Object.assign(tracking, {
    known,
    prose: bodies.read(),
    save: (prose: ProseTable) => {
      folders.write(tracking.used);
      bodies.write(prose);
    },
  });
}
