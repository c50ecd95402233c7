// A rebuild decides from two listings which pages it may keep and which files of the spare it must unlink
// (scripts/lib/tree-listing.ts, output-listing.ts). GNU find makes them on Linux; Node's own walk is the reference:
// the two must say the same of every file, links and odd names included, or a spare could keep a file that is
// not the served one.
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listOutput, spareFiles } from '../../scripts/lib/output-listing.ts';
import { writeNew } from '../../scripts/lib/render/files.ts';
import { linkPages } from '../../scripts/lib/reuse.ts';
import { BUILDS, sparePath } from '../../scripts/lib/staging.ts';
import { listTree, listTreeWithFind, listTreeWithNode } from '../../scripts/lib/tree-listing.ts';
import { testdir } from '../helpers/testdir.ts';

/** An output folder with what a real one holds, and what someone could have left in it. */
function output(): string {
  const root = testdir({}, { config: null });
  // Pattern characters in the folder's own name: find must still leave out exactly the search index.
  const dir = join(root, 'out [1]*');
  const files: Record<string, string> = {
    'index.html': '<p>home</p>',
    'incidents/2026-11-23-a/index.html': 'a',
    'de/incidents/2026-11-23-a/index.html': 'a (de)',
    'api/v2/summary.json': '{}',
    'a name with spaces/and a\nnewline.html': 'odd',
    'pagefind/2026-11/pagefind-entry.json': '{}',
    'empty.txt': '',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  mkdirSync(join(dir, 'an/empty/folder'), { recursive: true });
  linkSync(join(dir, 'index.html'), join(dir, 'incidents/linked.html'));
  symlinkSync('index.html', join(dir, 'a-link.html'));
  utimesSync(join(dir, 'empty.txt'), new Date('2020-01-01T00:00:00.750Z'), new Date('2020-01-01T00:00:00.750Z'));
  return dir;
}

describe('listing an output folder', () => {
  it('says of every file what Node says: type, size, modification second, identity', async () => {
    const dir = output();
    // On Linux it is find's listing (where it is not, the walk is Node's and there is nothing to compare).
    const fast = process.platform === 'linux' ? await listTreeWithFind(dir) : await listTree(dir);
    if (!fast) throw new Error('GNU find did not list the folder');
    expect([...fast.keys()].sort()).toEqual([...listTreeWithNode(dir).keys()].sort());
    expect(Object.fromEntries(fast)).toEqual(Object.fromEntries(listTreeWithNode(dir)));
    expect(fast.get('a name with spaces/and a\nnewline.html')).toMatchObject({ regular: true, size: 3 });
    expect(fast.get('a-link.html')?.regular).toBe(false);
    expect(fast.get('incidents/linked.html')?.id).toBe(fast.get('index.html')?.id);
    expect(fast.get('empty.txt')?.mtime).toBe(Date.UTC(2020, 0, 1) / 1000);
    expect(fast.has('an/empty/folder')).toBe(false);
  });

  it('leaves out the search index when asked, follows the folder when it is a link, and lists nothing that is not there', async () => {
    const dir = output();
    const skipped = (process.platform === 'linux' ? await listTreeWithFind(dir, 'pagefind') : undefined) ?? (await listTree(dir, 'pagefind'));
    expect([...skipped.keys()].filter((f) => f.startsWith('pagefind'))).toEqual([]);
    expect(Object.fromEntries(skipped)).toEqual(Object.fromEntries(listTreeWithNode(dir, 'pagefind')));
    symlinkSync(dir, join(dir, '..', 'served'));
    expect(Object.fromEntries(await listTree(join(dir, '..', 'served'), 'pagefind'))).toEqual(Object.fromEntries(skipped));
    expect((await listTree(join(dir, '..', 'nothing-here'))).size).toBe(0);
  });

  it('uses a spare listed before the build claimed it only if it claimed that very folder', async () => {
    const out = join(testdir({}, { config: null }), 'dist');
    const builds = join(out, BUILDS);
    mkdirSync(join(sparePath(builds, 'main'), 'incidents'), { recursive: true });
    writeFileSync(join(sparePath(builds, 'main'), 'incidents/old.html'), 'old');
    const listing = listOutput(out, 'main');
    // The spare this build listed is claimed, as staging.ts does: by a rename.
    renameSync(sparePath(builds, 'main'), join(builds, 'main-1'));
    expect([...(await spareFiles(join(builds, 'main-1'), listing)).keys()]).toEqual(['incidents/old.html']);
    // Another folder under the same name: the listing made before is not its listing.
    mkdirSync(join(builds, 'main-2'));
    writeFileSync(join(builds, 'main-2', 'other.html'), 'other');
    expect([...(await spareFiles(join(builds, 'main-2'), listing)).keys()]).toEqual(['other.html']);
  });

  it('lists the claimed spare again when its early listing failed', async () => {
    const staging = join(testdir({ 'incidents/a.html': 'a' }, { config: null }));
    const folder = `${statSync(staging).dev}:${statSync(staging).ino}`;
    const failed = { spare: { folder, files: Promise.resolve(undefined) } };
    expect([...(await spareFiles(staging, failed)).keys()]).toEqual(['incidents/a.html']);
  });

  it('lists a spare whole when the build claims it while find still walks it', async () => {
    const out = join(testdir({}, { config: null }), 'dist');
    const spare = sparePath(join(out, BUILDS), 'main');
    for (let i = 0; i < 2000; i++) {
      mkdirSync(join(spare, `incidents/${i}`), { recursive: true });
      writeFileSync(join(spare, `incidents/${i}/index.html`), String(i));
    }
    const listing = listOutput(out, 'main');
    // Claimed at once, while the walk has hardly begun.
    renameSync(spare, join(out, BUILDS, 'main-1'));
    expect((await spareFiles(join(out, BUILDS, 'main-1'), listing)).size).toBe(2000);
  });
});

describe('writing into a spare', () => {
  /** A served file and a spare holding the very same file (a hard link), as a kept page is. */
  function shared() {
    const dir = testdir({ 'served/page.html': 'live', 'new/page.html': 'new' }, { config: null });
    mkdirSync(join(dir, 'spare'));
    linkSync(join(dir, 'served/page.html'), join(dir, 'spare/page.html'));
    return dir;
  }

  it('a rendered page replaces the file at its path and never writes into it', () => {
    const dir = shared();
    writeNew(join(dir, 'spare/page.html'), new TextEncoder().encode('rendered'));
    expect(readFileSync(join(dir, 'spare/page.html'), 'utf8')).toBe('rendered');
    expect(readFileSync(join(dir, 'served/page.html'), 'utf8')).toBe('live');
  });

  it('a linked page replaces the file at its path and never writes into it', async () => {
    const dir = shared();
    await linkPages(join(dir, 'new'), join(dir, 'spare'), ['page.html']);
    expect(readFileSync(join(dir, 'spare/page.html'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'spare/page.html')).ino).toBe(statSync(join(dir, 'new/page.html')).ino);
    expect(readFileSync(join(dir, 'served/page.html'), 'utf8')).toBe('live');
  });
});
