// The content ids git already knows for the incident files, so a rebuild need not read every file to tell which
// incident folders changed (folder-cache.ts). `candor build` asks at its start, the live preview after each save
// (site/astro/source.ts): both key folders the same way.
//
// A rebuild keys each incident folder by its files' bytes: at 5,000 incidents that read 44,707 files, 0.5–0.8 s of
// the CLI's main thread before anything else could start, on every push. git's index holds each committed file's
// blob id (the SHA-1 of its bytes) and the file's stat data, so `git ls-files` gives the ids and `git diff-files`
// names the files changed since, in C, in about 0.1 s, in processes of their own while the config loads. A file
// git does not vouch for (changed, new, ignored, outside any repository, marked assume-unchanged or skip-worktree,
// or in conflict) is read as before; its id is computed the same way (blobId in folder-cache.ts), so a key is the same from either.
import type { KnownBlobs } from './folder-cache.ts';
import { outputOf } from './child-output.ts';

/**
 * The ids git vouches for under `dir` (a folder of `root`), or an empty map when git is not there, `root` is not in
 * a work tree, or either command fails: every file is then read, which is always right, only slower.
 */
export async function knownBlobs(root: string, dir: string): Promise<KnownBlobs> {
  // -t -v: a tag per entry, lowercase for assume-unchanged; -s: mode, id and stage. diff-files compares the work
  // tree with the index by stat data (git compares content itself where stat data cannot tell, "racy" entries).
  const [listed, changed] = await Promise.all([git(root, ['ls-files', '-s', '-t', '-v', '-z', '--', dir]), git(root, ['diff-files', '--name-only', '-z', '--', dir])]);
  const known = new Map<string, string>();
  if (listed === undefined || changed === undefined) return known;
  const dirty = new Set(changed.split('\0'));
  // Read in place, not split into fields: 44,707 records at 5,000 incidents.
  for (let at = 0; at < listed.length; ) {
    const end = listed.indexOf('\0', at);
    const record = listed.slice(at, end === -1 ? listed.length : end);
    at = end === -1 ? listed.length : end + 1;
    // "H 100644 <id> 0\t<path>": tag H (cached, nothing special), a regular file (links and submodules are read).
    const tab = record.indexOf('\t');
    const idEnd = tab - 2;
    const mode = record.slice(0, 9);
    if ((mode !== 'H 100644 ' && mode !== 'H 100755 ') || record.slice(idEnd, tab) !== ' 0') continue;
    const path = record.slice(tab + 1);
    // A name that is not UTF-8 decodes with U+FFFD, so two such names could look alike: those are read.
    if (dirty.has(path) || path.includes('\uFFFD')) continue;
    known.set(path, record.slice(9, idEnd));
  }
  return known;
}

/**
 * A git command's output in `cwd`, or undefined when it failed. The repository's own hooks stay off (a file-system
 * monitor is a command git would run), and paths are printed as they are, relative to `cwd`.
 */
async function git(cwd: string, args: string[]): Promise<string | undefined> {
  const output = await outputOf('git', ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', ...args], { cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  return output?.toString('utf8');
}
