// Writing planned files without ever replacing one: an existing file is someone's work, or an earlier import's.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PlannedFile } from './incident-files.ts';

export interface Outcome {
  written: string[];
  /** Paths that already existed and were left as they were. */
  skipped: string[];
}

export async function writeNew(root: string, files: PlannedFile[]): Promise<Outcome> {
  const outcome: Outcome = { written: [], skipped: [] };
  for (const file of files) {
    const path = join(root, file.path);
    try {
      await mkdir(dirname(path), { recursive: true });
      // "wx" fails if the file appeared meanwhile, so a race cannot overwrite either.
      await writeFile(path, file.content, { flag: 'wx' });
      outcome.written.push(file.path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      outcome.skipped.push(file.path);
    }
  }
  return outcome;
}

/** What writeNew would do, without doing it. */
export function wouldWrite(root: string, files: PlannedFile[]): Outcome {
  const outcome: Outcome = { written: [], skipped: [] };
  for (const file of files) (existsSync(join(root, file.path)) ? outcome.skipped : outcome.written).push(file.path);
  return outcome;
}
