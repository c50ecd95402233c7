// `candor import …` as a user runs it, plus helpers to read what it wrote.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { candor, type CliRun } from '../helpers/cli.ts';
import { FIXTURES } from '../helpers/paths.ts';

export const STATUSPAGE = join(FIXTURES, 'import', 'statuspage');
export const CSTATE = join(FIXTURES, 'import', 'cstate');
/** Real captured documents; see PROVENANCE.md there. */
export const REAL = join(FIXTURES, 'import', 'real');

/** `candor import …` as a user runs it. */
export function candorImport(args: string[], options: { cwd?: string } = {}): CliRun {
  return candor(['import', ...args], options);
}

export function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'candor-import-'));
}

/** Every file under `root` (not dist/), by path relative to it, with its text. */
export function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'dist') walk(path);
      } else {
        out[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
      }
    }
  };
  walk(root);
  return out;
}

/**
 * The files without the provenance every import adds (`imported:` in index.md, `source_id:` in updates, `source_id:`
 * in the config), so tests about mapping read as the files do by hand; provenance has tests of its own.
 */
export function withoutProvenance(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [path, text.replace(/^imported:\n(?: {2}.*\n)+/m, '').replace(/^ *source_id: .*\n/gm, '')]),
  );
}
