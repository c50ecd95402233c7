// Writes a new site's files into a folder: refuses a folder that holds anything unless told, and never replaces a
// file that is already there (even when told), so running init into the wrong folder cannot destroy anything.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from '../lib/cli-error.ts';

export interface WriteResult {
  written: string[];
  /** Already there: left as they were. */
  kept: string[];
}

export function assertEmptyOrAllowed(dir: string, allowNonEmpty: boolean): void {
  if (!existsSync(dir) || allowNonEmpty) return;
  const entries = readdirSync(dir).filter((e) => e !== '.git');
  if (entries.length) throw new CliError(`${dir} is not empty (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}): choose an empty or new folder, or pass --force to add the site's files beside what is there (no existing file is replaced)`, 2);
}

export function writeSite(dir: string, files: Record<string, string | Buffer>): WriteResult {
  const result: WriteResult = { written: [], kept: [] };
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    if (existsSync(target)) {
      result.kept.push(path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    result.written.push(path);
  }
  return result;
}
