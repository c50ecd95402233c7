// Which update files a range of commits added, from git itself: a file's timestamps say when the writer says it
// happened, not whether it was already announced, and a late commit can carry an update from an hour ago.
import { CliError } from '../lib/cli-error.ts';
import { git } from '../lib/git.ts';

/** The full commit id of `rev`, or undefined when this clone does not have it. */
export function resolveCommit(root: string, rev: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The id git uses for "no commit": diffing from it lists every file of `until`. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

export interface Range {
  since: string;
  until: string;
}

/** Paths (relative to the root, forward slashes) of files under `incidents/` added between two commits; renames are not additions. */
export function addedFiles(root: string, range: Range): string[] {
  if (range.since === range.until) return [];
  const out = git(root, ['diff', '--name-only', '--diff-filter=A', '-M', '-z', range.since, range.until, '--', 'incidents/']);
  return out.split('\0').filter(Boolean);
}

/** Whether anything the feeds show changed between two commits (content or config). */
export function contentChanged(root: string, range: Range): boolean {
  if (range.since === range.until) return false;
  return git(root, ['diff', '--name-only', range.since, range.until, '--', 'incidents/', 'candor.config.yaml']).trim() !== '';
}

export function requireCommit(root: string, rev: string, what: string): string {
  const sha = resolveCommit(root, rev);
  if (!sha) throw new CliError(`${what} "${rev}" is not a commit of this clone; in GitHub Actions, check out with fetch-depth: 0`, 2);
  return sha;
}
