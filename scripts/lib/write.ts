// Writes new content files without ever replacing one, then validates the result with the build's own loader;
// if the new files make the content invalid, they are removed again and the errors shown.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { formatErrors, type ContentError } from '../../site/model/errors.ts';
import { formatText, lint } from '../../site/model/lint/index.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { CliError } from './cli-error.ts';

/** What was about to be written would make the content invalid; nothing was written. */
export class InvalidContent extends CliError {
  readonly errors: ContentError[];
  constructor(errors: ContentError[]) {
    super(`nothing was written, because the result would not be valid:\n\n${formatErrors(errors)}`);
    this.errors = errors;
  }
}

export async function writeContent(root: string, files: Record<string, string>, now: Date): Promise<string> {
  const written: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const [path, text] of Object.entries(files)) {
      const full = join(root, path);
      const dir = await mkdir(dirname(full), { recursive: true });
      if (dir) createdDirs.push(dir);
      await writeFile(full, text, { flag: 'wx' });
      written.push(full);
    }
  } catch (e) {
    await undo(written, createdDirs);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new CliError(`${(e as NodeJS.ErrnoException).path} already exists; Candor never overwrites a file. Use --at to post at another minute.`);
    throw e;
  }
  const loaded = await loadSite(root, { now });
  if (!loaded.ok) {
    await undo(written, createdDirs);
    throw new InvalidContent(loaded.errors);
  }
  const mine = new Set(Object.keys(files));
  const findings = lint(loaded.value, now).filter((f) => mine.has(f.file) || [...mine].some((p) => f.file.startsWith(dirname(p) + '/')));
  return findings.length ? formatText(findings) : '';
}

async function undo(files: string[], dirs: string[]): Promise<void> {
  for (const f of files) await rm(f, { force: true });
  for (const d of dirs.reverse()) await rm(d, { recursive: true, force: true });
}
