// An incident's digest (model/incident-digest.ts) is made when its folder is read and kept, then read back from the
// folder cache and from the snapshot instead of being made again. Whichever way it came, it must be the digest of
// the incident as the site holds it: page keys and the linter's kept findings stand on it.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrors } from '../../site/model/errors.ts';
import { incidentDigest } from '../../site/model/incident-digest.ts';
import type { FolderResult } from '../../site/model/load/folder.ts';
import type { FolderCache } from '../../site/model/load/folder-cache.ts';
import { loadSite } from '../../site/model/load/index.ts';
import { renderProse } from '../../site/model/prose.ts';
import type { Incident } from '../../site/model/site.ts';
import { deserializeSnapshot, serializeSnapshot } from '../../site/model/snapshot.ts';
import { FIXTURE_NOW, FIXTURES, REPO } from '../helpers/paths.ts';

/** What the digest must be: made from the incident in hand, by nothing this test checks. */
const digestOf = (incident: Incident) => createHash('sha256').update(JSON.stringify(incident)).digest('base64url');

/** A folder cache in memory that hands out copies, as one on disk does (scripts/lib/content-cache.ts). */
function memoryCache(): FolderCache & { map: Map<string, FolderResult> } {
  const map = new Map<string, FolderResult>();
  return { map, get: (k) => (map.has(k) ? structuredClone(map.get(k)) : undefined), set: (k, r) => void map.set(k, structuredClone(r)) };
}

async function load(root: string, folders?: FolderCache) {
  const r = await loadSite(root, { now: new Date(FIXTURE_NOW), folders });
  if (!r.ok) throw new Error(formatErrors(r.errors));
  return r.value;
}

describe.each([
  ['the example', REPO],
  ['the basic fixture', join(FIXTURES, 'basic')],
  ['the several-mirrors fixture', join(FIXTURES, 'mirrors')],
])('incident digests of %s', (_, root) => {
  it('are kept with each folder read, and are the digests of the incidents the site holds', async () => {
    const cache = memoryCache();
    const site = await load(root, cache);
    expect(cache.map.size).toBe(site.incidents.length);
    const kept = new Map([...cache.map.values()].map((r) => [r.incident!.id, r.digest]));
    for (const incident of site.incidents) expect(kept.get(incident.id), incident.id).toBe(digestOf(incident));
  });

  it('come back from the folder cache and from the snapshot as they were kept', async () => {
    const cache = memoryCache();
    await load(root, cache);
    // A digest read back is taken as it is, not made again: a marked one shows which way it came.
    for (const r of cache.map.values()) r.digest = `kept:${r.digest}`;
    const site = await load(root, cache);
    for (const incident of site.incidents) expect(incidentDigest(incident), incident.id).toBe(`kept:${digestOf(incident)}`);
    const back = deserializeSnapshot(serializeSnapshot({ site, prose: renderProse(site) }));
    for (const incident of back.site.incidents) expect(incidentDigest(incident), incident.id).toBe(`kept:${digestOf(incident)}`);
  });

  it('are made when asked of an incident that came by no cache', async () => {
    const site = await load(root);
    for (const incident of site.incidents) expect(incidentDigest(incident), incident.id).toBe(digestOf(incident));
  });
});
