// What a build keeps for the next build of the same site (parsed folders, lint findings): one file per site and
// kind under node_modules/.cache/candor/<kind>/, in V8's serialization, stamped with the code digest so a new
// version of Candor or its dependencies starts afresh. Kept between CI runs by the deploy workflow's cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { APP_DIR } from './app-dir.ts';

/** A site not built for this long (a moved checkout, a test's throwaway site) loses what was kept for it. */
const UNUSED_DAYS = 14;

export interface KeptFile<T> {
  /** What the last run kept, if it ran the same code; undefined when there is nothing (or nothing readable). */
  read(): T | undefined;
  /** Replaces what is kept, whole (a reader never sees half a file), and forgets other sites' files left unused. */
  write(value: T): void;
}

/** Where what is kept of this kind for the site at `root` lives. */
export const keptFile = (kind: string, root: string) => join(APP_DIR, 'node_modules', '.cache', 'candor', kind, `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.bin`);

export function keptPerSite<T>(kind: string, root: string, code: string): KeptFile<T> {
  const file = keptFile(kind, root);
  return {
    read() {
      try {
        const stored = deserialize(readFileSync(file)) as { code: string; value: T };
        return stored.code === code ? stored.value : undefined;
      } catch {
        // Nothing kept yet, or written by another version of Node that cannot read it: start empty.
        return undefined;
      }
    },
    write(value) {
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, serialize({ code, value }));
      renameSync(temp, file);
      forgetUnused(file);
    },
  };
}

function forgetUnused(keep: string): void {
  const dir = dirname(keep);
  const before = Date.now() - UNUSED_DAYS * 86_400_000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (path !== keep && statSync(path).mtimeMs < before) rmSync(path, { force: true });
    } catch {
      // Removed by a build running beside this one.
    }
  }
}
