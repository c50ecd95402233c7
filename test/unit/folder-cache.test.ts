// Folders read before are not parsed again while their files are unchanged, and the site loaded from the cache is
// the site a fresh read gives; a change, a new file or a problem is always read afresh.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrors } from '../../site/model/errors.ts';
import type { FolderResult } from '../../site/model/load/folder.ts';
import type { FolderCache } from '../../site/model/load/folder-cache.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { md, MINIMAL_CONFIG, testdir } from '../helpers/testdir.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const A = 'incidents/2026-11-23-api';
const B = 'incidents/2026-11-20-web';

/** A cache in memory that counts what it was asked, as `candor build`'s on-disk one does (scripts/lib/content-cache.ts). */
function memoryCache() {
  const map = new Map<string, FolderResult>();
  const c = { hits: 0, misses: 0, sets: 0, map } as FolderCache & { hits: number; misses: number; sets: number; map: typeof map };
  c.get = (k) => {
    const r = map.get(k);
    if (r) c.hits++;
    else c.misses++;
    // As from disk: a copy, never the object an earlier load handed out.
    return r && structuredClone(r);
  };
  c.set = (k, r) => (c.sets++, map.set(k, structuredClone(r)));
  return c;
}

function site() {
  return testdir({
    [`${A}/index.md`]: md({ title: 'API errors', kind: 'incident', impact: 'major', components: ['api'], started: '2026-11-23T10:00:00Z' }),
    [`${A}/2026-11-23T1010Z.md`]: md({ status: 'investigating', next_update: '2026-11-23T11:00:00Z' }, 'Some requests fail.'),
    [`${B}/index.md`]: md({ title: 'Website slow', kind: 'incident', impact: 'minor', components: ['web'], started: '2026-11-20T10:00:00Z' }),
    [`${B}/2026-11-20T1010Z.md`]: md({ status: 'resolved' }, 'Fixed.'),
  });
}

async function load(root: string, folders?: FolderCache) {
  const r = await loadSite(root, { now: NOW, folders });
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.value;
}

describe('the folder cache', () => {
  it('gives the same site as a fresh read, without parsing unchanged folders again', async () => {
    const root = site();
    const cache = memoryCache();
    const first = await load(root, cache);
    expect([cache.hits, cache.misses, cache.sets]).toEqual([0, 2, 2]);
    const second = await load(root, cache);
    expect([cache.hits, cache.misses]).toEqual([2, 2]);
    expect(second).toEqual(first);
    expect(second).toEqual(await load(root));
  });

  it('reads a folder again when a file in it changed, was added or was removed', async () => {
    const root = site();
    const cache = memoryCache();
    await load(root, cache);
    writeFileSync(join(root, A, '2026-11-23T1010Z.md'), md({ status: 'investigating', next_update: '2026-11-23T11:00:00Z' }, 'Some requests fail in Europe.'));
    const edited = await load(root, cache);
    expect(cache.hits).toBe(1);
    expect(edited.incidents.find((i) => i.id === '2026-11-23-api')!.updates[0]!.body).toContain('in Europe');
    writeFileSync(join(root, A, '2026-11-23T1100Z.md'), md({ status: 'identified', next_update: '2026-11-23T12:30:00Z' }, 'Found it.'));
    const added = await load(root, cache);
    expect(added.incidents.find((i) => i.id === '2026-11-23-api')!.updates).toHaveLength(2);
    expect(added).toEqual(await load(root));
  });

  it('reports a problem in an unchanged folder with its line, as a fresh read does', async () => {
    const root = site();
    const cache = memoryCache();
    await load(root, cache);
    // The component the cached folder names leaves the config.
    writeFileSync(join(root, 'candor.config.yaml'), MINIMAL_CONFIG.replace('  - { id: web, name: Website }\n', ''));
    const cached = await loadSite(root, { now: NOW, folders: cache });
    const fresh = await loadSite(root, { now: NOW });
    expect(cached.ok).toBe(false);
    expect(cached).toEqual(fresh);
    if (!cached.ok) expect(cached.errors.find((e) => e.file === `${B}/index.md`)?.line).toBeGreaterThan(0);
  });
});
