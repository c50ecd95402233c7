// A rebuild takes the ids of unchanged incident files from git's index instead of reading every file
// (site/model/load/git-blobs.ts). Held to real git: the ids are the ones git prints, and git vouches for no file whose
// content may differ from what it recorded, however the edit was made.
import { chmodSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownBlobs } from '../../site/model/load/git-blobs.ts';
import { formatErrors } from '../../site/model/errors.ts';
import type { FolderResult } from '../../site/model/load/folder.ts';
import { blobId, type FolderCache, type KnownBlobs } from '../../site/model/load/folder-cache.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { git } from '../helpers/git-repo.ts';
import { md, testdir } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const A = 'incidents/2026-11-23-api';
const B = 'incidents/2026-11-20-web';
const FILES = {
  [`${A}/index.md`]: md({ title: 'API errors', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' }),
  [`${A}/2026-11-23T1010Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T11:00:00Z' }, 'Some requests fail.'),
  [`${B}/index.md`]: md({ title: 'Website slow', kind: 'incident', impact: 'minor', components: ['web'], started: '2026-11-20T10:00:00Z' }),
  [`${B}/2026-11-20T1010Z.md`]: md({ status: 'resolved' }, 'Fixed – all good. 修好了'),
};

function committedSite() {
  const root = testdir(FILES);
  // An executable file is a regular file to git too (mode 100755), as a checkout on some machines gives.
  chmodSync(join(root, B, 'index.md'), 0o755);
  git(root, 'init', '--quiet');
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '-m', 'history');
  return root;
}

function countingCache(known?: KnownBlobs) {
  const map = new Map<string, FolderResult>();
  const c = { hits: 0, known, map } as FolderCache & { hits: number; map: typeof map };
  c.get = (k) => {
    const r = map.get(k);
    if (r) c.hits++;
    return r && structuredClone(r);
  };
  c.set = (k, r) => map.set(k, structuredClone(r));
  return c;
}

async function load(root: string, folders?: FolderCache) {
  const r = await loadSite(root, { now: NOW, folders });
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.value;
}

describe("git's index as the incident files' ids", () => {
  it('computes the id git prints for the same bytes', () => {
    const root = testdir({ 'a.md': '', 'b.md': FILES[`${B}/2026-11-20T1010Z.md`]!, 'c.bin': '\u0000\u00ff\r\n' });
    for (const file of ['a.md', 'b.md', 'c.bin']) expect(blobId(readFileSync(join(root, file)))).toBe(git(root, 'hash-object', file));
  });

  it("vouches for every committed incident file, with git's own id", async () => {
    const root = committedSite();
    const known = await knownBlobs(root, 'incidents');
    expect([...known.keys()].sort()).toEqual(Object.keys(FILES).sort());
    for (const [path, id] of known) expect(id).toBe(git(root, 'hash-object', path));
  });

  it('vouches for no file that was changed, added, marked or is outside a repository', async () => {
    const root = committedSite();
    // An edit of the same length with the modification time put back: only git's change time and inode tell.
    const edited = join(root, A, '2026-11-23T1010Z.md');
    const { atime, mtime } = statSync(edited);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Some requests fail.', 'Some requests FAIL.'));
    utimesSync(edited, atime, mtime);
    writeFileSync(join(root, A, '2026-11-23T1100Z.md'), md({ status: 'identified' }, 'Found it.'));
    git(root, 'update-index', '--assume-unchanged', `${B}/index.md`);
    git(root, 'update-index', '--skip-worktree', `${B}/2026-11-20T1010Z.md`);
    const known = await knownBlobs(root, 'incidents');
    expect([...known.keys()]).toEqual([`${A}/index.md`]);

    expect((await knownBlobs(testdir(FILES), 'incidents')).size).toBe(0);
    const noGit = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect((await knownBlobs(root, 'incidents')).size).toBe(0);
    } finally {
      process.env.PATH = noGit;
    }
  });

  it("keys a folder the same from git's ids as from its bytes, and reads no file git vouches for", async () => {
    const root = committedSite();
    const cache = countingCache();
    const fresh = await load(root, cache);
    // A cache filled by reading the files serves a load that takes every id from git.
    const fromGit = countingCache(await knownBlobs(root, 'incidents'));
    for (const [k, v] of cache.map) fromGit.map.set(k, v);
    expect(await load(root, fromGit)).toEqual(fresh);
    expect(fromGit.hits).toBe(2);
    // An id git gives is taken as the file's content: a different id is a different key, so the folder is read.
    const claimed = new Map(await knownBlobs(root, 'incidents')).set(`${A}/index.md`, '0'.repeat(40));
    const misled = countingCache(claimed);
    for (const [k, v] of cache.map) misled.map.set(k, v);
    await load(root, misled);
    expect(misled.hits).toBe(1);
  });
});
