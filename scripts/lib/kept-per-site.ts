// What a build keeps for the next build of the same site (parsed folders, rendered bodies, lint findings): entries
// by key, in shards under node_modules/.cache/candor/<kind>/<site>/, in V8's serialization, each stamped with the
// code digest so a new version of Candor or its dependencies starts afresh. Kept between CI runs by the deploy
// workflow's cache.
//
// In shards because a rebuild changes a few entries: one file per kind meant serializing and writing the whole
// history again after every update (0.14 s of the main thread at 5,000 incidents, before any page could render).
// A shard is left as it is when it would hold the very entries it was read with: the same keys, each with the value
// object read (an entry's key names its content — a folder's digest, a body's Markdown, an incident's digest — so
// a caller passes what it read on; a new object for a key is written).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { APP_DIR } from './app-dir.ts';

/** A site not built for this long (a moved checkout, a test's throwaway site) loses what was kept for it. */
const UNUSED_DAYS = 14;
/** Enough that an update rewrites a small part; few enough that reading them all costs no more than one file. */
const SHARDS = 16;
/** Touched by every write: how old a site's folder is, whichever shards the write left alone. */
const STAMP = 'used';

export interface KeptEntries<V> {
  /** What the last run kept, if it ran the same code (an unreadable shard counts as empty). */
  read(): Map<string, V>;
  /** Keeps exactly these entries: rewrites the shards whose entries changed, each whole (a reader never sees half). */
  write(entries: ReadonlyMap<string, V>): void;
}

/** Where what is kept of this kind for the site at `root` lives. */
export const keptDir = (kind: string, root: string) => join(APP_DIR, 'node_modules', '.cache', 'candor', kind, createHash('sha256').update(root).digest('hex').slice(0, 32));

/**
 * A key's shard, from its length and its first and last 32 characters: keys are digests or texts (bodies written from
 * the same template share their start, less often their end), spread well enough by these without reading them whole.
 */
function shardOf(key: string): number {
  let h = 2166136261 ^ key.length;
  const n = key.length;
  for (let i = 0; i < n && i < 32; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  for (let i = Math.max(32, n - 32); i < n; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  // FNV-1a's low bits depend only on the characters' low bits: the high ones are folded in before taking a shard.
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return ((h ^ (h >>> 16)) >>> 0) % SHARDS;
}

export function keptPerSite<V>(kind: string, root: string, code: string): KeptEntries<V> {
  const dir = keptDir(kind, root);
  const file = (shard: number) => join(dir, `${shard}.bin`);
  // What each shard held when read, so that a write knows which shards it must replace.
  const found: (ReadonlyMap<string, V> | undefined)[] = [];
  return {
    read() {
      const entries = new Map<string, V>();
      for (let shard = 0; shard < SHARDS; shard++) {
        try {
          const stored = deserialize(readFileSync(file(shard))) as { code: string; entries: Map<string, V> };
          if (stored.code !== code) continue;
          for (const [k, v] of stored.entries) entries.set(k, v);
          found[shard] = stored.entries;
        } catch {
          // Nothing kept yet, or written by another version of Node that cannot read it: an empty shard.
        }
      }
      return entries;
    },
    write(entries) {
      mkdirSync(dir, { recursive: true });
      const shards = Array.from({ length: SHARDS }, () => new Map<string, V>());
      for (const [k, v] of entries) shards[shardOf(k)]!.set(k, v);
      shards.forEach((now, shard) => {
        const before = found[shard];
        if (before && before.size === now.size && [...now].every(([k, v]) => before.get(k) === v)) return;
        const temp = `${file(shard)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temp, serialize({ code, entries: now }));
        renameSync(temp, file(shard));
        found[shard] = now;
      });
      const stamp = join(dir, STAMP);
      const time = new Date();
      try {
        utimesSync(stamp, time, time);
      } catch {
        writeFileSync(stamp, '');
      }
      forgetUnused(dir);
    },
  };
}

/** Removes what is kept of this kind for other sites not built for UNUSED_DAYS. */
function forgetUnused(keep: string): void {
  const kindDir = dirname(keep);
  const before = Date.now() - UNUSED_DAYS * 86_400_000;
  for (const name of readdirSync(kindDir)) {
    const path = join(kindDir, name);
    if (path === keep) continue;
    try {
      // A site's folder by its stamp (by its own time while a build beside this one is still making it); anything
      // else here (a file an older Candor kept whole) by its own time.
      const stat = statSync(path);
      const used = stat.isDirectory() ? statSync(join(path, STAMP), { throwIfNoEntry: false })?.mtimeMs ?? stat.mtimeMs : stat.mtimeMs;
      if (used < before) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by a build running beside this one.
    }
  }
}
