// Folders the benchmark is done with, set aside until every timed command has run. On these machines' file system
// (ext4 without a journal), creating files in the minute after many were deleted costs several times as much:
// choosing an inode for each new file passes over the inodes freed moments before (`find_inode_bit`,
// `recently_deleted`). Deleting one run's output just before the next timed run measured that: the next build
// paid for the files the benchmark itself had just removed, which no deploy does (a CI runner starts from a fresh
// disk, and a build writes into an empty or kept folder). A rename is one entry; the deleting waits for the end.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Trash {
  /** Moves a folder (or file) out of the way; nothing happens when it does not exist. */
  discard(path: string): void;
  /** Deletes everything discarded: once nothing timed runs after it. */
  empty(): void;
}

/** A trash folder at `dir`, which must be on the same file system as what it takes (a rename moves nothing). */
export function trashAt(dir: string): Trash {
  let n = 0;
  return {
    discard(path) {
      if (!existsSync(path)) return;
      mkdirSync(dir, { recursive: true });
      renameSync(path, join(dir, `${process.pid}-${n++}`));
    },
    empty() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The benchmark's own: under bench/.out/, beside every folder it sets aside. Emptied when a run ends. */
export const trash = trashAt(fileURLToPath(new URL('../.out/trash', import.meta.url)));
