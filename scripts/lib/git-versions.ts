// Earlier committed versions of one part of the content (an incident folder, an announcement), read from git
// without touching the working tree: what `candor build` publishes instead of a part that is broken now.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git, gitBytes } from './git.ts';

export interface Version {
  commit: string;
  /** The commit's time (committer date, ISO 8601). */
  date: string;
  subject: string;
}

/**
 * The commits that changed `path`, newest first, at most `limit`; the version of `path` after each is a
 * candidate. Undefined, with the reason, when git cannot tell (not a repository, git missing).
 */
export function versionsOf(root: string, path: string, limit: number): { versions: Version[]; shallow: boolean } | { reason: string } {
  try {
    const out = git(root, ['--literal-pathspecs', 'log', `-n${limit}`, '--format=%H%x00%cI%x00%s', '--', path]);
    const versions = out.split('\n').filter(Boolean).map((line) => {
      const [commit = '', date = '', subject = ''] = line.split('\0');
      return { commit, date, subject };
    });
    return { versions, shallow: git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true' };
  } catch (e) {
    const message = ((e as { stderr?: string }).stderr || (e as Error).message).trim().split('\n')[0];
    return { reason: `its history cannot be read (${message})` };
  }
}

/** Modes of the entries a version may hold: plain files. A link or a submodule is not copied out of git. */
const PLAIN_FILES = new Set(['100644', '100755']);

/**
 * Writes `path` as it was at `commit` under `dest` (same relative paths). "absent": the commit removed it;
 * "unusable": it held something other than plain files, which is not published from history.
 */
export function writeVersion(root: string, commit: string, path: string, dest: string): 'written' | 'absent' | 'unusable' {
  // -z: names exactly as stored, whatever characters they hold.
  const entries = git(root, ['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', commit, '--', path])
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', name = ''] = line.split('\t');
      const [mode = '', , object = ''] = meta.split(' ');
      return { mode, object, name };
    })
    // ls-tree matches `path` as a prefix of names too: incidents/x also lists incidents/x-y.
    .filter((e) => e.name === path || e.name.startsWith(`${path}/`));
  if (entries.length === 0) return 'absent';
  if (entries.some((e) => !PLAIN_FILES.has(e.mode))) return 'unusable';
  // One git process for every file of the version: "<object> blob <size>\n<bytes>\n" each, in the order asked.
  const out = gitBytes(root, ['cat-file', '--batch'], entries.map((e) => e.object).join('\n') + '\n');
  let at = 0;
  for (const e of entries) {
    const header = out.subarray(at, out.indexOf(0x0a, at)).toString('utf8');
    const size = Number(header.split(' ')[2]);
    const start = at + header.length + 1;
    const full = join(dest, e.name);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, out.subarray(start, start + size));
    at = start + size + 1;
  }
  return 'written';
}
