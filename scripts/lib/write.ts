// The one place content files reach the disk, for the CLI commands, both importers and the issue form (which runs
// `candor update`). A file is written whole or not at all (a temporary file beside it, then linked into place,
// so a crash or a full disk never leaves half a file for the build to read), and an existing file is never
// replaced: it is someone's work, or an earlier run's.
import { link, mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatErrors, type ContentError } from '../../site/model/errors.ts';
import { formatText, lint } from '../../site/model/lint/index.ts';
import { loadValidParts, partOf } from '../../site/model/load/partial.ts';
import { contentFile, UnwritableText, type ContentFields, type ContentFileOptions } from '../../site/model/write/content-file.ts';
import { CliError } from './cli-error.ts';

/** A file to write, relative to the site root with forward slashes. */
export interface PlannedFile {
  path: string;
  content: string;
}

/** What was about to be written would make the content invalid; nothing was written. */
export class InvalidContent extends CliError {
  readonly errors: ContentError[];
  constructor(errors: ContentError[]) {
    super(`nothing was written, because the result would not be valid:\n\n${formatErrors(errors)}`);
    this.errors = errors;
  }
}

/** contentFile() for a command: text no file can hold is the user's mistake, said without a stack trace. */
export function composeFile(path: string, fields: ContentFields, body?: string, options?: ContentFileOptions): string {
  try {
    return contentFile(path, fields, body, options);
  } catch (e) {
    if (e instanceof UnwritableText) throw new CliError(`nothing was written, because ${e.message}`);
    throw e;
  }
}

let counter = 0;

/** Creates `full` with `text` at once, unless it exists: "exists" then, and the file is left as it was. */
async function createWhole(full: string, text: string): Promise<'written' | 'exists'> {
  if (existsSync(full)) return 'exists';
  const temp = join(dirname(full), `.${basename(full)}.${process.pid}.${counter++}.tmp`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    // link() fails with EEXIST instead of replacing, so a file that appeared meanwhile is not overwritten either.
    await link(temp, full);
    return 'written';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw e;
  } finally {
    await unlink(temp);
  }
}

/** Replaces a file at once (temporary file, then rename): for the config an import merges into. */
export async function replaceWhole(full: string, text: string): Promise<void> {
  const temp = join(dirname(full), `.${basename(full)}.${process.pid}.${counter++}.tmp`);
  await writeFile(temp, text, { flag: 'wx' });
  await rename(temp, full);
}

/**
 * Writes new content files for a command, then validates the result with the build's own loader; if the new
 * files would make the content invalid they are removed again and the errors shown. Returns lint warnings.
 */
export async function writeContent(root: string, files: Record<string, string>, now: Date): Promise<string> {
  const written: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const [path, text] of Object.entries(files)) {
      const full = join(root, path);
      const dir = await mkdir(dirname(full), { recursive: true });
      if (dir) createdDirs.push(dir);
      if ((await createWhole(full, text)) === 'exists') throw new CliError(`${full} already exists; Candor never overwrites a file. Use --at to post at another minute.`);
      written.push(full);
    }
  } catch (e) {
    await undo(written, createdDirs);
    throw e;
  }
  // Only the parts written to must be valid: another incident's mistake is not this write's, and must not stop it.
  const loaded = await loadValidParts(root, { now });
  const touched = new Set(Object.keys(files).map((p) => partOf(p) ?? p));
  const problems = loaded.ok ? loaded.broken.filter((b) => touched.has(b.path)).flatMap((b) => b.errors) : loaded.errors;
  if (!loaded.ok || problems.length) {
    await undo(written, createdDirs);
    throw new InvalidContent(problems);
  }
  const mine = new Set(Object.keys(files));
  const findings = lint(loaded.site, now).filter((f) => mine.has(f.file) || [...mine].some((p) => f.file.startsWith(dirname(p) + '/')));
  return findings.length ? formatText(findings) : '';
}

async function undo(files: string[], dirs: string[]): Promise<void> {
  for (const f of files) await rm(f, { force: true });
  for (const d of dirs.reverse()) await rm(d, { recursive: true, force: true });
}

export interface Outcome {
  written: string[];
  /** Paths that already existed and were left as they were. */
  skipped: string[];
}

/** Writes planned files (an import), skipping each that exists, so importing again adds only what is new. */
export async function writeNew(root: string, files: PlannedFile[]): Promise<Outcome> {
  const outcome: Outcome = { written: [], skipped: [] };
  for (const file of files) {
    const full = join(root, file.path);
    await mkdir(dirname(full), { recursive: true });
    outcome[(await createWhole(full, file.content)) === 'written' ? 'written' : 'skipped'].push(file.path);
  }
  return outcome;
}

/** What writeNew would do, without doing it. */
export function wouldWrite(root: string, files: PlannedFile[]): Outcome {
  const outcome: Outcome = { written: [], skipped: [] };
  for (const file of files) (existsSync(join(root, file.path)) ? outcome.skipped : outcome.written).push(file.path);
  return outcome;
}
