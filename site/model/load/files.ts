// Reading files defensively: content arrives from people under stress, and sometimes from hostile PRs.
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentError } from '../errors.ts';

export const MAX_FILE_BYTES = 256 * 1024;

export type TextResult = { ok: true; text: string } | { ok: false; error: ContentError };

/** Forward-slash path relative to the root, as shown in messages. */
export function rel(root: string, path: string): string {
  // The loader asks this for every file of the content; a path inside the root needs no normalising.
  if (path.startsWith(root + sep) && !path.includes(`${sep}.`)) return sep === '/' ? path.slice(root.length + 1) : path.slice(root.length + 1).split(sep).join('/');
  return relative(root, path).split(sep).join('/');
}

const realpathOrUndefined = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
};

/** Why a symbolic link may not be followed: out of the repository, or into git's own files (its config, hooks). */
export function linkProblem(root: string, path: string): string | undefined {
  const target = realpathOrUndefined(path);
  const realRoot = realpathSync(root);
  if (!target || (target !== realRoot && !target.startsWith(realRoot + sep))) return 'is a symbolic link that leads outside the repository';
  if (target === join(realRoot, '.git') || target.startsWith(join(realRoot, '.git') + sep)) return 'is a symbolic link into .git';
  return undefined;
}

/** A read that failed, as a problem and its fix: the loader reports it and goes on with the other files. */
function unreadable(e: NodeJS.ErrnoException, file: string): [message: string, fix: string] {
  if (e.code === 'EISDIR') return ['is a folder, not a file', 'replace it with the file it is named after, or remove it'];
  if (e.code === 'EACCES' || e.code === 'EPERM') return ['cannot be read (permission denied)', `let the user who builds read it: chmod a+r ${file}`];
  return [`cannot be read (${e.code ?? e.message})`, 'check the file exists and is a plain file, then run again'];
}

/**
 * Reads a UTF-8 text file inside `root`, refusing links out of the repository, huge, empty and non-UTF-8 files.
 * The reads are synchronous on purpose: content is tens of thousands of small files, and each asynchronous
 * read is four round trips through the thread pool (open, stat, read, close); reading 45,000 update files took
 * 1.6 s that way and 0.3 s like this. Nothing else runs while the content loads.
 */
export async function readText(root: string, path: string, known?: { symlink: boolean }): Promise<TextResult> {
  const file = rel(root, path);
  const fail = (message: string, fix: string): TextResult => ({ ok: false, error: { file, message, fix } });
  // A caller that listed the folder already knows whether the entry is a link (saving a stat per file).
  if (known?.symlink ?? lstatSync(path).isSymbolicLink()) {
    const problem = linkProblem(root, path);
    if (problem) return fail(problem, 'replace the link with the file itself');
  }
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (e) {
    return fail(...unreadable(e as NodeJS.ErrnoException, file));
  }
  if (buffer.byteLength > MAX_FILE_BYTES) {
    return fail(`is ${Math.round(buffer.byteLength / 1024)} KB, over the ${MAX_FILE_BYTES / 1024} KB limit`, 'keep updates short; link to longer documents instead');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return fail('is not valid UTF-8 text', 'save the file with UTF-8 encoding');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (text.trim() === '') return fail('is empty', 'write the frontmatter and text, or delete the file');
  if (text.includes('\0')) return fail('contains NUL bytes', 'save the file as plain UTF-8 text');
  return { ok: true, text };
}
