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

/**
 * Paths (relative to the root, forward slashes) of files under `incidents/` published between two commits: added
 * (renames are not additions), or changed from a draft — a file that loses `draft: true` is announced then, and an
 * index.md that loses it publishes every file of its folder. Drafts themselves are never in the site, so never sent.
 */
export function addedFiles(root: string, range: Range): string[] {
  if (range.since === range.until) return [];
  const list = (filter: string, paths = ['incidents/']) => git(root, ['diff', '--name-only', `--diff-filter=${filter}`, '-M', '-z', range.since, range.until, '--', ...paths]).split('\0').filter(Boolean);
  const undrafted = list('M').filter((path) => wasDraft(root, range.since, path));
  const folders = undrafted.filter((p) => p.endsWith('/index.md')).map((p) => p.slice(0, -'/index.md'.length));
  const published = folders.length ? git(root, ['ls-tree', '-r', '-z', '--name-only', range.until, '--', ...folders]).split('\0').filter(Boolean) : [];
  return [...new Set([...list('A'), ...undrafted, ...published])];
}

/** Whether the file's frontmatter said `draft: true` at `rev`. */
function wasDraft(root: string, rev: string, path: string): boolean {
  const text = git(root, ['show', `${rev}:${path}`]);
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return /^draft:\s*true\s*(#.*)?$/m.test(frontmatter);
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

/** Whether `ancestor` is `commit` or one of its ancestors: the ledger's position only ever moves that way. */
export function isAncestor(root: string, ancestor: string, commit: string): boolean {
  try {
    git(root, ['merge-base', '--is-ancestor', ancestor, commit]);
    return true;
  } catch {
    return false;
  }
}
