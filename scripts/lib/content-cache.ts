// Incident folders `candor build` read before, kept between runs (and between CI runs, by the deploy workflow's
// cache): after one update, only the folders that changed are parsed again. Keyed by each folder's content
// (site/model/load/folder-cache.ts) and dropped whole when Candor's code or dependencies change. The bodies the
// build rendered (site/model/prose.ts) are kept beside them, so only new or edited bodies are rendered again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FolderResult } from '../../site/model/load/folder.ts';
import type { RenderedBody } from '../../site/model/markdown.ts';
import type { ProseTable } from '../../site/model/prose.ts';
import { carriedOver, type FolderCache } from '../../site/model/load/folder-cache.ts';
import { APP_DIR } from './app-dir.ts';

const DIR = join(APP_DIR, 'node_modules', '.cache', 'candor', 'content');
/** A site not built for this long (a moved checkout, a test's throwaway site) loses its cache. */
const UNUSED_DAYS = 14;

interface Stored {
  code: string;
  folders: Map<string, FolderResult>;
  prose?: ProseTable;
}

export interface ContentCache extends FolderCache {
  readonly hits: number;
  readonly misses: number;
  /** The bodies the previous build rendered. */
  readonly prose: ReadonlyMap<string, RenderedBody>;
  /** Keeps what this run used, nothing else: a deleted or changed folder's old entry goes, and so does a body no longer in the site. */
  save(prose: ProseTable): Promise<void>;
}

export function openContentCache(root: string, code: string): ContentCache {
  const file = join(DIR, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.bin`);
  let before = new Map<string, FolderResult>();
  let prose: ProseTable = new Map();
  try {
    const stored = deserialize(readFileSync(file)) as Stored;
    if (stored.code === code) (before = stored.folders), (prose = stored.prose ?? prose);
  } catch {
    // No cache yet, or one from another version of Node that cannot read it: start empty.
  }
  const tracking = carriedOver(before);
  const cache: ContentCache = {
    get hits() {
      return tracking.hits;
    },
    get misses() {
      return tracking.misses;
    },
    prose,
    get: tracking.get,
    set: tracking.set,
    async save(rendered) {
      mkdirSync(DIR, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, serialize({ code, folders: tracking.used, prose: rendered } satisfies Stored));
      await rename(temp, file);
      forgetUnused(file);
    },
  };
  return cache;
}

function forgetUnused(keep: string): void {
  const before = Date.now() - UNUSED_DAYS * 86_400_000;
  for (const name of readdirSync(DIR)) {
    const path = join(DIR, name);
    try {
      if (path !== keep && statSync(path).mtimeMs < before) rmSync(path, { force: true });
    } catch {
      // Removed by a build running beside this one.
    }
  }
}
