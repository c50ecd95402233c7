// What a build keeps for the next one is written in shards, and a rebuild rewrites only the shards whose entries
// changed (scripts/lib/kept-per-site.ts): after one update, not the whole history again.
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptDir, keptPerSite } from '../../scripts/lib/kept-per-site.ts';

const KIND = `test-kept-${process.pid}`;
afterAll(() => rmSync(dirname(keptDir(KIND, '/x')), { recursive: true, force: true }));

const history = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`incidents/2026-01-${i}-folder digest ${i}`, { title: `Incident ${i}`, at: new Date(i * 1000) }]));
/** Each shard file's identity on disk: a rewrite (a new file renamed over it) gives a new one. */
const shards = (dir: string) => new Map(readdirSync(dir).filter((f) => f.endsWith('.bin')).map((f) => [f, statSync(join(dir, f)).ino]));

describe('what a build keeps for the next', () => {
  it('reads back what was written, dates and all, and only for the same code', () => {
    const root = '/sites/a';
    const entries = history(500);
    keptPerSite(KIND, root, 'code-1').write(entries);
    expect(keptPerSite(KIND, root, 'code-1').read()).toEqual(entries);
    expect(keptPerSite(KIND, root, 'code-2').read().size).toBe(0);
    expect(keptPerSite(KIND, '/sites/b', 'code-1').read().size).toBe(0);
  });

  it('rewrites only the shards whose entries changed', () => {
    const root = '/sites/c';
    const entries = history(2000);
    keptPerSite(KIND, root, 'code-1').write(entries);
    const dir = keptDir(KIND, root);
    const first = shards(dir);
    expect(first.size).toBeGreaterThan(8);

    // The next build: one folder changed (a new key), everything else as read.
    const next = keptPerSite<unknown>(KIND, root, 'code-1');
    const read = next.read();
    read.delete('incidents/2026-01-7-folder digest 7');
    read.set('incidents/2026-01-7-folder digest 7 edited', { title: 'Incident 7, edited' });
    next.write(read);
    const second = shards(dir);
    const rewritten = [...second].filter(([f, ino]) => first.get(f) !== ino).length;
    expect(rewritten).toBeGreaterThanOrEqual(1);
    expect(rewritten).toBeLessThanOrEqual(2);
    expect(keptPerSite(KIND, root, 'code-1').read()).toEqual(read);

    // A new value under a key read (what a caller that keeps the key but not the content would pass): written.
    const replaced = keptPerSite<unknown>(KIND, root, 'code-1');
    const withNew = replaced.read();
    withNew.set('incidents/2026-01-9-folder digest 9', { title: 'Replaced' });
    replaced.write(withNew);
    expect(keptPerSite(KIND, root, 'code-1').read().get('incidents/2026-01-9-folder digest 9')).toEqual({ title: 'Replaced' });

    // Nothing changed: nothing rewritten.
    const settled = shards(dir);
    const again = keptPerSite(KIND, root, 'code-1');
    again.write(again.read());
    expect(shards(dir)).toEqual(settled);
  });

  it('reads the shards it can, and forgets sites not built for two weeks', () => {
    const root = '/sites/d';
    keptPerSite(KIND, root, 'code-1').write(history(300));
    const dir = keptDir(KIND, root);
    writeFileSync(join(dir, '3.bin'), 'not what V8 wrote');
    const left = keptPerSite(KIND, root, 'code-1').read();
    expect(left.size).toBeGreaterThan(200);
    expect(left.size).toBeLessThan(300);

    const old = keptDir(KIND, '/sites/old');
    keptPerSite(KIND, '/sites/old', 'code-1').write(history(10));
    const weeksAgo = new Date(Date.now() - 15 * 86_400_000);
    utimesSync(join(old, 'used'), weeksAgo, weeksAgo);
    keptPerSite(KIND, root, 'code-1').write(history(300));
    expect(statSync(old, { throwIfNoEntry: false })).toBeUndefined();
    expect(statSync(dir).isDirectory()).toBe(true);
  });
});
